package org.jobsearch.discovery.ats;

import org.jobsearch.events.AtsPlatform;

/** A Greenhouse job board, e.g. token {@code acme} of {@code boards.greenhouse.io/acme}. */
public record GreenhouseConfig(String boardToken) implements AtsConfig {

    public GreenhouseConfig {
        AtsConfig.requireSegment(boardToken, "Greenhouse board token");
    }

    @Override
    public AtsPlatform platform() {
        return AtsPlatform.GREENHOUSE;
    }
}
