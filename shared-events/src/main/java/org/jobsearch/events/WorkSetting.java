package org.jobsearch.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where the work happens (the reference's On-site / Hybrid / Remote). */
public enum WorkSetting {
    @JsonProperty("on_site") ON_SITE,
    @JsonProperty("hybrid") HYBRID,
    @JsonProperty("remote") REMOTE
}
