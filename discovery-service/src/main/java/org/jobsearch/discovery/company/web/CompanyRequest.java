package org.jobsearch.discovery.company.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jobsearch.discovery.ats.AtsConfig;
import org.jobsearch.discovery.company.CompanyCommand;
import org.jobsearch.discovery.company.CompanyConfigs;
import org.jobsearch.events.AtsPlatform;

import java.util.List;

/**
 * A company to add or (admin) edit: a careers URL, or an explicit {@code config}; {@code active} defaults to true.
 */
record CompanyRequest(
        @Size(max = 200) String name,
        @Size(max = 2048) String careersUrl,
        @Valid ConfigRequest config,
        Boolean active) {

    /**
     * Workday: {@code host}, {@code tenant}, {@code site}, optional {@code locationFacetIds}; others: {@code board}
     * (Greenhouse board token, Lever site, Ashby organization, SmartRecruiters company identifier), Lever {@code eu}.
     */
    record ConfigRequest(AtsPlatform platform, @Size(max = 255) String host, @Size(max = 200) String tenant,
                         @Size(max = 200) String site, @Size(max = 200) String board, Boolean eu,
                         @Size(max = 50) List<@NotBlank String> locationFacetIds) {

        AtsConfig toConfig() {
            return CompanyConfigs.of(platform, host, tenant, site, board, Boolean.TRUE.equals(eu), locationFacetIds);
        }
    }

    CompanyCommand command() {
        return new CompanyCommand(name, careersUrl, config == null ? null : config.toConfig(),
                active == null || active);
    }
}
