package org.jobsearch.llm;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import java.util.List;

/** A typed answer like resume-service's JD parse: what the tests ask the stub models for. */
record JobPosting(@NotBlank String company, @NotBlank String title, Integer minYears,
                  @NotEmpty List<@Valid Requirement> requirements) {

    record Requirement(@NotBlank String text, List<String> keywords,
                       @DecimalMin("0") @DecimalMax("1") double relevance) {
    }
}
