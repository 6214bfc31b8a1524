package org.jobsearch.resume.experience;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The parts of a <a href="https://jsonresume.org/schema">JSON Resume</a> document the import reads; every other
 * member (education, awards, ...) is ignored. Dates are ISO 8601 as the schema allows them: {@code 2019},
 * {@code 2019-05} or {@code 2019-05-01}.
 */
public record JsonResume(@Valid Basics basics,
                         @Size(max = 30) List<@Valid Work> work,
                         @Size(max = 50) List<@Valid Project> projects,
                         @Size(max = 50) List<@Valid Skill> skills) {

    static final String DATE = "^\\d{4}(-\\d{2}(-\\d{2})?)?$";
    static final String DATE_MESSAGE = "must be an ISO 8601 date: yyyy, yyyy-mm or yyyy-mm-dd";

    public JsonResume {
        work = work == null ? List.of() : List.copyOf(work);
        projects = projects == null ? List.of() : List.copyOf(projects);
        skills = skills == null ? List.of() : List.copyOf(skills);
    }

    public record Basics(@NotBlank @Size(max = 255) String name,
                         @Size(max = 255) String label,
                         @Size(max = 255) String email,
                         @Size(max = 50) String phone,
                         @Size(max = 2048) String url,
                         @Valid Location location,
                         @Size(max = 10) List<@Valid Profile> profiles) {

        public Basics {
            profiles = profiles == null ? List.of() : List.copyOf(profiles);
        }
    }

    public record Location(@Size(max = 255) String address, @Size(max = 100) String city,
                           @Size(max = 100) String region, @Size(max = 10) String countryCode) {
    }

    public record Profile(@Size(max = 50) String network, @Size(max = 2048) String url) {
    }

    /** {@code location} is not in the schema but common (and in our fixtures): kept when present. */
    public record Work(@NotBlank @Size(max = 255) String name,
                       @NotBlank @Size(max = 255) String position,
                       @Size(max = 100) String location,
                       @NotBlank @Pattern(regexp = DATE, message = DATE_MESSAGE) String startDate,
                       @Pattern(regexp = DATE, message = DATE_MESSAGE) String endDate,
                       @Size(max = 2000) String summary,
                       @Size(max = 30) List<@NotBlank @Size(max = 500) String> highlights) {

        public Work {
            highlights = highlights == null ? List.of() : List.copyOf(highlights);
        }
    }

    /** @param entity the organisation the project was done for; matched against a work entry's name */
    public record Project(@NotBlank @Size(max = 255) String name,
                          @Size(max = 2000) String description,
                          @Size(max = 20) List<@NotBlank @Size(max = 500) String> highlights,
                          @Size(max = 30) List<@NotBlank @Size(max = 100) String> keywords,
                          @Pattern(regexp = DATE, message = DATE_MESSAGE) String startDate,
                          @Pattern(regexp = DATE, message = DATE_MESSAGE) String endDate,
                          @Size(max = 255) String entity) {

        public Project {
            highlights = highlights == null ? List.of() : List.copyOf(highlights);
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
        }
    }

    public record Skill(@Size(max = 100) String name, @Size(max = 50) List<@NotBlank @Size(max = 100) String> keywords) {

        public Skill {
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
        }
    }
}
