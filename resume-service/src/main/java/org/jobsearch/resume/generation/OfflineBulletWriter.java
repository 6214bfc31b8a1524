package org.jobsearch.resume.generation;

import org.jobsearch.resume.experience.ExperienceProject;
import org.jobsearch.resume.experience.ExperienceRole;
import org.jobsearch.resume.jd.ParsedJd;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Bullets without a model, deterministic: per role, the projects are ranked by the relevance of the requirements
 * they match (a requirement keyword among the project's tools or named in its text), and each chosen project gives
 * one bullet made of its best-matching action and its first measurable outcome — the project's own words, never
 * new ones (only the outcome's first letter may be lower-cased to join the two). Projects that match nothing are
 * used only to give a role its first two bullets. Skills are {@link Skills}' deterministic selection, as for every
 * writer.
 */
final class OfflineBulletWriter implements BulletWriter {

    static final String NAME = "offline";
    private static final int MIN_BULLETS_PER_ROLE = 2;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Written write(Request request) {
        List<ParsedJd.Requirement> requirements = request.requirements().stream()
                .sorted(Comparator.comparing(ParsedJd.Requirement::relevance).reversed()).toList();
        Map<String, List<ResumeContent.Bullet>> bullets = new LinkedHashMap<>();
        for (ExperienceRole role : request.roles()) {
            int max = request.maxBulletsPerRole().getOrDefault(role.key(), MIN_BULLETS_PER_ROLE);
            List<Scored> ranked = new ArrayList<>();
            for (int i = 0; i < role.projects().size(); i++) {
                ranked.add(new Scored(role.projects().get(i), i, score(role.projects().get(i), requirements)));
            }
            ranked.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparingInt(Scored::position));
            List<ResumeContent.Bullet> written = new ArrayList<>();
            for (Scored candidate : ranked) {
                if (written.size() >= max || (candidate.score() == 0 && written.size() >= MIN_BULLETS_PER_ROLE)) {
                    break;
                }
                String text = bullet(candidate.project(), requirements);
                if (text != null && written.stream().noneMatch(b -> b.text().equals(text))) {
                    written.add(new ResumeContent.Bullet(text, candidate.project().key()));
                }
            }
            bullets.put(role.key(), written);
        }
        return new Written(bullets, Skills.select(requirements, request.roles()));
    }

    /** The summed relevance of the requirements the project matches. */
    static double score(ExperienceProject project, List<ParsedJd.Requirement> requirements) {
        String text = projectText(project);
        return requirements.stream().filter(r -> r.keywords().stream().anyMatch(k -> matches(project, text, k)))
                .mapToDouble(ParsedJd.Requirement::relevance).sum();
    }

    /** Best action (most requirement keywords, then the first) joined with the first outcome that has a number. */
    static String bullet(ExperienceProject project, List<ParsedJd.Requirement> requirements) {
        List<String> keywords = requirements.stream().flatMap(r -> r.keywords().stream()).distinct().toList();
        String action = project.actions().stream()
                .max(Comparator.comparingLong((String a) -> keywords.stream().filter(k -> mentions(a, k)).count())
                        .thenComparing(a -> -project.actions().indexOf(a)))
                .map(OfflineBulletWriter::trimEnd).orElse(null);
        String outcome = project.outcomes().stream().filter(o -> o.matches(".*\\d.*")).findFirst()
                .or(() -> project.outcomes().stream().findFirst()).map(OfflineBulletWriter::trimEnd).orElse(null);
        if (action == null) {
            return outcome == null ? null : firstWords(outcome);
        }
        if (outcome != null) {
            String joined = action + ", " + lowerFirst(outcome);
            if (words(joined) <= MAX_WORDS) {
                return joined;
            }
        }
        return firstWords(action);
    }

    private static boolean matches(ExperienceProject project, String text, String keyword) {
        return project.tools().stream().anyMatch(t -> t.equalsIgnoreCase(keyword)) || mentions(text, keyword);
    }

    static boolean mentions(String text, String keyword) {
        return Pattern.compile("(?<![\\w])" + Pattern.quote(keyword) + "(?![\\w])", Pattern.CASE_INSENSITIVE)
                .matcher(text).find();
    }

    private static String projectText(ExperienceProject project) {
        return String.join(" ", project.shortName(), project.problemContext() == null ? "" : project.problemContext(),
                String.join(" ", project.actions()), String.join(" ", project.outcomes()));
    }

    private static String trimEnd(String text) {
        return text.strip().replaceAll("[.;,:]+$", "");
    }

    /** "Deploy time dropped" → "deploy time dropped", but "EKS cut" and "OpenTelemetry" keep their capitals. */
    private static String lowerFirst(String text) {
        if (text.length() > 1 && Character.isUpperCase(text.charAt(0)) && Character.isLowerCase(text.charAt(1))
                && !text.substring(0, text.indexOf(' ') < 0 ? text.length() : text.indexOf(' '))
                .substring(1).chars().anyMatch(Character::isUpperCase)) {
            return Character.toLowerCase(text.charAt(0)) + text.substring(1);
        }
        return text;
    }

    private static int words(String text) {
        return text.strip().split("\\s+").length;
    }

    private static String firstWords(String text) {
        String[] words = text.strip().split("\\s+");
        return words.length <= MAX_WORDS ? text.strip()
                : trimEnd(String.join(" ", List.of(words).subList(0, MAX_WORDS)));
    }

    private record Scored(ExperienceProject project, int position, double score) {
    }
}
