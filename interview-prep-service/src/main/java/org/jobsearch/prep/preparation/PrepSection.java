package org.jobsearch.prep.preparation;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The markdown sections of the two documents: five of the base prep, four of an interview's prep. */
public enum PrepSection {
    FORMATTED_JD("formattedJd", "formatted_jd", true),
    COMPANY_CONTEXT("companyContext", "company_context", true),
    PRIMARY_DRIVERS("primaryDrivers", "primary_drivers", true),
    BACKGROUND_NARRATIVE("backgroundNarrative", "background_narrative", true),
    RESUME_DEFENSE("resumeDefense", "resume_defense_prep", true),
    PREP_PLAN("prepPlan", "prep_plan", false),
    PREDICTED_QUESTIONS("predictedQuestions", "predicted_questions", false),
    INTERVIEWER_QUESTIONS("interviewerQuestions", "interviewer_questions", false),
    TECHNICAL_DEEP_DIVES("technicalDeepDives", "technical_deep_dives", false);

    private final String key;
    private final String heading;
    private final boolean base;

    PrepSection(String key, String heading, boolean base) {
        this.key = key;
        this.heading = heading;
        this.base = base;
    }

    /** The name in the API and in storage, e.g. {@code formattedJd}. */
    public String key() {
        return key;
    }

    /** The heading an LLM answer marks the section with ({@code # formatted_jd}), the reference's field name. */
    public String heading() {
        return heading;
    }

    public boolean isBase() {
        return base;
    }

    public static List<PrepSection> of(boolean base) {
        return Arrays.stream(values()).filter(s -> s.base == base).toList();
    }

    public static Optional<PrepSection> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
