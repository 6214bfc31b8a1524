package org.jobsearch.discovery.ats;

import org.jobsearch.events.AtsPlatform;

/**
 * A Lever postings site, e.g. {@code acme} of {@code jobs.lever.co/acme}.
 *
 * @param site the site name
 * @param eu   whether the site lives on Lever's EU instance ({@code jobs.eu.lever.co}, API {@code api.eu.lever.co})
 */
public record LeverConfig(String site, boolean eu) implements AtsConfig {

    public LeverConfig {
        AtsConfig.requireSegment(site, "Lever site");
    }

    public LeverConfig(String site) {
        this(site, false);
    }

    @Override
    public AtsPlatform platform() {
        return AtsPlatform.LEVER;
    }
}
