package org.jobsearch.resume.render;

import java.util.Locale;

/**
 * The shipped templates: an HTML skeleton with {@code data-slot} elements the renderer fills, plus the layout CSS in
 * its head. Either one can be printed in every {@link Style}.
 */
public enum ResumeTemplate {

    /** Centred two-line contact block; "Technical Skills". */
    ENGINEER,
    /** Left-aligned one-line contact block; "Skills" first, then experience. */
    ANALYST;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    String resource() {
        return "resume-templates/" + id() + ".html";
    }

    /** @throws IllegalArgumentException for an unknown id */
    public static ResumeTemplate of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    /** Font sizes and spacing, from roomy to tight; the renderer steps through them until the resume fits a page. */
    public enum Style {
        STANDARD, COMPACT, DENSE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        String resource() {
            return "resume-templates/styles/" + id() + ".css";
        }
    }
}
