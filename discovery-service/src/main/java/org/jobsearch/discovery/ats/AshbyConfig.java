package org.jobsearch.discovery.ats;

import org.jobsearch.events.AtsPlatform;

/** An Ashby job board, e.g. organization {@code acme} of {@code jobs.ashbyhq.com/acme}. */
public record AshbyConfig(String organization) implements AtsConfig {

    public AshbyConfig {
        AtsConfig.requireSegment(organization, "Ashby organization");
    }

    @Override
    public AtsPlatform platform() {
        return AtsPlatform.ASHBY;
    }
}
