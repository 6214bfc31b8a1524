package org.jobsearch.discovery.ats;

import org.jobsearch.events.AtsPlatform;

/** A SmartRecruiters company, e.g. identifier {@code Acme} of {@code jobs.smartrecruiters.com/Acme}. */
public record SmartRecruitersConfig(String companyIdentifier) implements AtsConfig {

    public SmartRecruitersConfig {
        AtsConfig.requireSegment(companyIdentifier, "SmartRecruiters company identifier");
    }

    @Override
    public AtsPlatform platform() {
        return AtsPlatform.SMARTRECRUITERS;
    }
}
