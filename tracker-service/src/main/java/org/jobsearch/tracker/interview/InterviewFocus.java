package org.jobsearch.tracker.interview;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The reference's Interview.focus choices. */
public enum InterviewFocus {
    @JsonProperty("coding") CODING,
    @JsonProperty("system_design") SYSTEM_DESIGN,
    @JsonProperty("behavioral") BEHAVIORAL,
    @JsonProperty("hiring_manager") HIRING_MANAGER,
    /** "Refactoring / Code Quality". */
    @JsonProperty("refactoring") REFACTORING,
    /** "Business Case". */
    @JsonProperty("case") CASE,
    @JsonProperty("data_pipeline_build") DATA_PIPELINE_BUILD,
    @JsonProperty("data_pipeline_design") DATA_PIPELINE_DESIGN;

    public String value() {
        return Choices.value(this);
    }
}
