package org.jobsearch.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The applicant tracking system a company's career site runs on. */
public enum AtsPlatform {
    @JsonProperty("workday") WORKDAY,
    @JsonProperty("greenhouse") GREENHOUSE,
    @JsonProperty("lever") LEVER,
    @JsonProperty("ashby") ASHBY,
    @JsonProperty("smartrecruiters") SMARTRECRUITERS
}
