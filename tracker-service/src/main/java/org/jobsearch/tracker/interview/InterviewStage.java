package org.jobsearch.tracker.interview;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The reference's Interview.stage choices. */
public enum InterviewStage {
    @JsonProperty("recruiter_screen") RECRUITER_SCREEN,
    @JsonProperty("hiring_manager_screen") HIRING_MANAGER_SCREEN,
    @JsonProperty("technical_screen") TECHNICAL_SCREEN,
    /** "Prep/Logistics Call". */
    @JsonProperty("prep_call") PREP_CALL,
    @JsonProperty("final_loop") FINAL_LOOP,
    @JsonProperty("team_match") TEAM_MATCH;

    /** Every value, as a pattern for request parameters. */
    public static final String PATTERN =
            "^(recruiter_screen|hiring_manager_screen|technical_screen|prep_call|final_loop|team_match)$";
    public static final String PATTERN_MESSAGE = "must be one of recruiter_screen, hiring_manager_screen, "
            + "technical_screen, prep_call, final_loop, team_match";

    public String value() {
        return Choices.value(this);
    }

    /** @throws IllegalArgumentException for anything but one of the values */
    public static InterviewStage of(String value) {
        return Choices.of(InterviewStage.class, value);
    }
}
