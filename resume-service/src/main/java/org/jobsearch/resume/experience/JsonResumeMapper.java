package org.jobsearch.resume.experience;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * JSON Resume → experience base. JSON Resume has no project facts, only finished highlights, so:
 * <ul>
 *   <li>each {@code work} entry becomes a role (key from company and position, made unique);</li>
 *   <li>each of its highlights becomes one project whose single action is the highlight, whose tools are the
 *       skills ({@code skills[].keywords}) the highlight names, and whose problem context is the entry's summary;</li>
 *   <li>each {@code projects} entry becomes a project (description → problem context, highlights → actions,
 *       keywords → tools) of the role whose company is its {@code entity}, else of the role its start date falls in,
 *       else of an "Independent projects" role;</li>
 *   <li>{@code basics} becomes the contact profile (city and region as the location; url and profiles as links).</li>
 * </ul>
 * Partial dates ({@code 2019}, {@code 2019-05}) start on the first day of the year or month.
 */
final class JsonResumeMapper {

    private static final int SHORT_NAME_WORDS = 6;

    private JsonResumeMapper() {
    }

    static ExperienceBase map(JsonResume resume) {
        List<String> skills = resume.skills().stream().flatMap(s -> s.keywords().stream()).distinct().toList();
        List<RoleDraft> roles = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int w = 0; w < resume.work().size(); w++) {
            JsonResume.Work work = resume.work().get(w);
            RoleDraft role = new RoleDraft(unique(keys, slug(work.name()) + "_" + slug(work.position())), work.name(),
                    work.position(), work.location(), date(work.startDate(), "/work/" + w + "/startDate"),
                    date(work.endDate(), "/work/" + w + "/endDate"));
            for (String highlight : work.highlights()) {
                role.add(new ExperienceProject(null, shortName(highlight), work.summary(), List.of(highlight),
                        mentioned(skills, highlight), List.of()));
            }
            roles.add(role);
        }
        RoleDraft independent = null;
        for (int p = 0; p < resume.projects().size(); p++) {
            JsonResume.Project project = resume.projects().get(p);
            LocalDate start = date(project.startDate(), "/projects/" + p + "/startDate");
            RoleDraft owner = roles.stream().filter(r -> project.entity() != null
                    && r.company.equalsIgnoreCase(project.entity().strip())).findFirst()
                    .or(() -> start == null ? java.util.Optional.empty() : roles.stream().filter(r -> r.covers(start))
                            .findFirst())
                    .orElse(null);
            if (owner == null) {
                if (independent == null) {
                    String title = resume.basics() != null && resume.basics().label() != null
                            ? resume.basics().label() : "Projects";
                    independent = new RoleDraft(unique(keys, "independent_projects"), "Independent projects", title,
                            null, start, null);
                    roles.add(independent);
                }
                owner = independent;
                owner.startAtLatest(start);
            }
            List<String> tools = project.keywords().isEmpty()
                    ? mentioned(skills, String.join(" ", project.highlights())) : project.keywords();
            owner.add(new ExperienceProject(null, project.name(), project.description(), project.highlights(), tools,
                    List.of()));
        }
        if (independent != null && independent.start == null) {
            independent.start = roles.stream().map(r -> r.start).filter(s -> s != null).min(LocalDate::compareTo)
                    .orElse(LocalDate.now());
        }
        return new ExperienceBase(contact(resume.basics()), roles.stream().map(RoleDraft::role).toList());
    }

    private static ContactProfile contact(JsonResume.Basics basics) {
        if (basics == null) {
            return null;
        }
        String location = null;
        if (basics.location() != null) {
            JsonResume.Location l = basics.location();
            List<String> parts = new ArrayList<>();
            if (l.city() != null && !l.city().isBlank()) {
                parts.add(l.city().strip());
            }
            if (l.region() != null && !l.region().isBlank()) {
                parts.add(l.region().strip());
            }
            location = parts.isEmpty() ? l.address() : String.join(", ", parts);
        }
        Set<String> links = new LinkedHashSet<>();
        if (basics.url() != null && !basics.url().isBlank()) {
            links.add(basics.url().strip());
        }
        basics.profiles().stream().map(JsonResume.Profile::url).filter(u -> u != null && !u.isBlank())
                .forEach(u -> links.add(u.strip()));
        return new ContactProfile(basics.name(), blankToNull(basics.email()), blankToNull(basics.phone()), location,
                List.copyOf(links));
    }

    /** The skills a text names, as whole words (case-insensitive), in the skills' order. */
    static List<String> mentioned(List<String> skills, String text) {
        return skills.stream().filter(skill -> Pattern.compile("(?<![\\w])" + Pattern.quote(skill) + "(?![\\w])",
                Pattern.CASE_INSENSITIVE).matcher(text).find()).toList();
    }

    /** The first words of a highlight, without trailing punctuation: "Migrated 45 services from VMs to EKS". */
    static String shortName(String highlight) {
        String[] words = highlight.strip().split("\\s+");
        String name = String.join(" ", List.of(words).subList(0, Math.min(SHORT_NAME_WORDS, words.length)));
        return name.replaceAll("[\\p{Punct}&&[^%)]]+$", "");
    }

    /** @throws InvalidExperienceException naming {@code pointer} for a date that does not exist (2019-13) */
    static LocalDate date(String iso, String pointer) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            String[] parts = iso.strip().split("-");
            int year = Integer.parseInt(parts[0]);
            int month = parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
            int day = parts.length > 2 ? Integer.parseInt(parts[2]) : 1;
            return LocalDate.of(year, month, day);
        } catch (java.time.DateTimeException | NumberFormatException e) {
            throw new InvalidExperienceException(List.of(new InvalidExperienceException.Problem(pointer,
                    "is not a date: " + iso)));
        }
    }

    private static String slug(String text) {
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return slug.length() > 22 ? slug.substring(0, 22).replaceAll("_+$", "") : slug;
    }

    private static String unique(Set<String> taken, String key) {
        String candidate = key.isEmpty() ? "role" : key;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = key + "_" + n;
        }
        return candidate;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static final class RoleDraft {
        final String key;
        final String company;
        final String title;
        final String location;
        LocalDate start;
        final LocalDate end;
        final Map<String, ExperienceProject> projects = new LinkedHashMap<>();

        RoleDraft(String key, String company, String title, String location, LocalDate start, LocalDate end) {
            this.key = key;
            this.company = company;
            this.title = title;
            this.location = location;
            this.start = start;
            this.end = end;
        }

        boolean covers(LocalDate date) {
            return start != null && !date.isBefore(start) && (end == null || !date.isAfter(end));
        }

        void startAtLatest(LocalDate date) {
            if (date != null && (start == null || date.isBefore(start))) {
                start = date;
            }
        }

        /** Short names must be unique within a role: a repeated one gets a number. */
        void add(ExperienceProject project) {
            String name = project.shortName();
            for (int n = 2; projects.containsKey(ExperienceProject.keyOf(key, name)); n++) {
                name = project.shortName() + " " + n;
            }
            projects.put(ExperienceProject.keyOf(key, name), new ExperienceProject(null, name,
                    project.problemContext(), project.actions(), project.tools(), project.outcomes()));
        }

        ExperienceRole role() {
            return new ExperienceRole(key, company, title, location, start, end, List.copyOf(projects.values()));
        }
    }
}
