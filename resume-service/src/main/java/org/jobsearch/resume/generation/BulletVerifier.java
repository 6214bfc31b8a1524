package org.jobsearch.resume.generation;

import org.jobsearch.resume.experience.ExperienceProject;
import org.jobsearch.resume.experience.ExperienceRole;
import org.jobsearch.resume.jd.ParsedJd;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks written bullets and skills against the user's own facts before anything is rendered. A bullet is rejected
 * when it cites a project that is not one of its role's, has more than {@link BulletWriter#MAX_WORDS} words, states a
 * number (digits, a percentage, money, a multiple such as "3x") that its project's text does not state, or names a
 * tool — any term of the vocabulary made of the user's tools, the JD's keywords and well-known products — that its
 * project's text does
 * not name. Every role asked for needs a bullet and may not get more than allowed; a skill must be one of the user's
 * tools, in at most four categories.
 *
 * <p>The project's text is its short name, problem context, actions, tools and outcomes. Each finding names the
 * bullet (role key and position), quotes it and says what is wrong, so it can go back to the model as it is.
 */
final class BulletVerifier {

    /**
     * A number as written in prose: optional currency sign, digits with thousands separators or decimals, then an
     * optional unit that changes what it claims (percent, a multiple, a magnitude).
     */
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\w.])(\\$\\s?)?(\\d+(?:[.,]\\d+)*)"
                    + "(?:\\s?(%|percent\\b|x\\b|×|k\\b|K\\b|M\\b|B\\b|bn\\b|million\\b|billion\\b))?");

    /** @return every finding, empty when the bullets and skills may be rendered */
    List<String> violations(BulletWriter.Request request, BulletWriter.Written written) {
        List<String> found = new ArrayList<>();
        Map<String, ExperienceRole> roles = new LinkedHashMap<>();
        Map<String, ExperienceProject> projects = new HashMap<>();
        Map<String, String> roleOfProject = new HashMap<>();
        for (ExperienceRole role : request.roles()) {
            roles.put(role.key(), role);
            for (ExperienceProject project : role.projects()) {
                projects.put(project.key(), project);
                roleOfProject.put(project.key(), role.key());
            }
        }
        Set<String> vocabulary = vocabulary(request);

        for (Map.Entry<String, List<ResumeContent.Bullet>> entry : written.bullets().entrySet()) {
            String roleKey = entry.getKey();
            List<ResumeContent.Bullet> bullets = entry.getValue();
            if (!roles.containsKey(roleKey)) {
                found.add("role " + roleKey + " is not one of the roles asked for (" + String.join(", ", roles.keySet())
                        + ")");
                continue;
            }
            int max = request.maxBulletsPerRole().getOrDefault(roleKey, Integer.MAX_VALUE);
            if (bullets.size() > max) {
                found.add("role " + roleKey + " has " + bullets.size() + " bullets, at most " + max + " allowed");
            }
            for (int i = 0; i < bullets.size(); i++) {
                ResumeContent.Bullet bullet = bullets.get(i);
                String where = "role " + roleKey + " bullet " + (i + 1) + " \"" + bullet.text() + "\"";
                int words = words(bullet.text());
                if (words > BulletWriter.MAX_WORDS) {
                    found.add(where + " has " + words + " words, at most " + BulletWriter.MAX_WORDS + " allowed");
                }
                ExperienceProject project = projects.get(bullet.projectKey());
                if (project == null) {
                    found.add(where + " cites projectKey \"" + bullet.projectKey() + "\", which is not a project of "
                            + "the user");
                    continue;
                }
                if (!roleKey.equals(roleOfProject.get(bullet.projectKey()))) {
                    found.add(where + " cites project " + bullet.projectKey() + " of another role; cite one of role "
                            + roleKey + "'s projects");
                    continue;
                }
                String facts = factsOf(project);
                List<Number> stated = numbers(facts);
                for (Number number : numbers(bullet.text())) {
                    if (stated.stream().noneMatch(number::supportedBy)) {
                        found.add(where + " states " + number.written() + ", which project " + project.key()
                                + " does not state");
                    }
                }
                for (String term : vocabulary) {
                    if (mentions(bullet.text(), term) && !mentions(facts, term)) {
                        found.add(where + " names " + term + ", which project " + project.key() + " does not name");
                    }
                }
            }
        }

        for (ExperienceRole role : request.roles()) {
            if (!role.projects().isEmpty() && written.bullets().getOrDefault(role.key(), List.of()).isEmpty()) {
                found.add("role " + role.key() + " has no bullets; write at least one from its projects");
            }
        }

        Map<String, String> tools = Skills.toolsOf(request.roles());
        if (written.skills().size() > BulletWriter.MAX_SKILL_CATEGORIES) {
            found.add("skills have " + written.skills().size() + " categories, at most "
                    + BulletWriter.MAX_SKILL_CATEGORIES + " allowed");
        }
        for (ResumeContent.SkillsLine line : written.skills()) {
            for (String skill : line.skills()) {
                if (!tools.containsKey(skill.strip().toLowerCase(Locale.ROOT))) {
                    found.add("skill " + skill + " (" + line.category() + ") is not a tool of any of the user's "
                            + "projects");
                }
            }
        }
        return found;
    }

    /**
     * The user's tools, the JD's keywords and the named products of {@link Skills}' table (so that a well-known tool
     * neither of them mentions, say Datadog, is caught too): terms a bullet may only name when its project names them.
     */
    static Set<String> vocabulary(BulletWriter.Request request) {
        Map<String, String> terms = new LinkedHashMap<>();
        Skills.toolsOf(request.roles()).forEach(terms::putIfAbsent);
        for (ParsedJd.Requirement requirement : request.requirements()) {
            for (String keyword : requirement.keywords()) {
                if (!keyword.isBlank()) {
                    terms.putIfAbsent(keyword.strip().toLowerCase(Locale.ROOT), keyword.strip());
                }
            }
        }
        Skills.knownProducts().forEach(p -> terms.putIfAbsent(p.toLowerCase(Locale.ROOT), p));
        return new LinkedHashSet<>(terms.values());
    }

    static String factsOf(ExperienceProject project) {
        return String.join("\n", project.shortName(), project.problemContext() == null ? "" : project.problemContext(),
                String.join("\n", project.actions()), String.join("\n", project.tools()),
                String.join("\n", project.outcomes()));
    }

    /**
     * Whole-word mention, ignoring case — except for terms of one or two letters ("Go", "R"), which would otherwise
     * match ordinary words ("go-live").
     */
    static boolean mentions(String text, String term) {
        int flags = term.length() <= 2 ? 0 : Pattern.CASE_INSENSITIVE;
        return Pattern.compile("(?<![\\w])" + Pattern.quote(term) + "(?![\\w])", flags).matcher(text).find();
    }

    static int words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }

    /** What a number claims: its value and whether it is a percentage, a multiple, money, or a plain count. */
    enum Kind { PLAIN, PERCENT, MULTIPLE, MONEY }

    /**
     * @param value     digits without thousands separators, with the magnitude ("1.2M", "40k", "12000")
     * @param written   as it appears in the text
     */
    record Number(String value, Kind kind, String written) {

        /** A percentage, multiple or amount needs the same claim in the project; a plain count only the value. */
        boolean supportedBy(Number fact) {
            return value.equals(fact.value()) && (kind == Kind.PLAIN || kind == fact.kind());
        }
    }

    static List<Number> numbers(String text) {
        List<Number> numbers = new ArrayList<>();
        Matcher matcher = NUMBER.matcher(text);
        while (matcher.find()) {
            boolean money = matcher.group(1) != null;
            String digits = matcher.group(2);
            // "1,200" is twelve hundred, "1,5" and "1.5" are decimals
            digits = digits.matches("\\d{1,3}(,\\d{3})+") ? digits.replace(",", "") : digits.replace(',', '.');
            String unit = matcher.group(3) == null ? "" : matcher.group(3).toLowerCase(Locale.ROOT);
            Kind kind = money ? Kind.MONEY : Kind.PLAIN;
            String magnitude = "";
            switch (unit) {
                case "%", "percent" -> kind = Kind.PERCENT;
                case "x", "×" -> kind = Kind.MULTIPLE;
                case "k" -> magnitude = "k";
                case "m", "million" -> magnitude = "M";
                case "b", "bn", "billion" -> magnitude = "B";
                default -> { }
            }
            numbers.add(new Number(digits + magnitude, kind, matcher.group().strip()));
        }
        return numbers;
    }
}
