package org.jobsearch.discovery.company.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jobsearch.discovery.ats.AshbyConfig;
import org.jobsearch.discovery.ats.AtsConfig;
import org.jobsearch.discovery.ats.GreenhouseConfig;
import org.jobsearch.discovery.ats.LeverConfig;
import org.jobsearch.discovery.ats.SmartRecruitersConfig;
import org.jobsearch.discovery.ats.WorkdayConfig;
import org.jobsearch.discovery.company.CompanyView;
import org.jobsearch.events.AtsPlatform;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A catalog company; {@code followed} and {@code excludeTerms} are the caller's. */
record CompanyResponse(UUID id, String name, AtsPlatform platform, String careersUrl, Config config, boolean active,
                       boolean followed, List<String> excludeTerms, Instant createdAt, Instant updatedAt) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Config(AtsPlatform platform, String host, String tenant, String site, String board, Boolean eu,
                  List<String> locationFacetIds) {

        static Config of(AtsConfig config) {
            if (config instanceof WorkdayConfig c) {
                return new Config(c.platform(), c.host(), c.tenant(), c.site(), null, null, c.locationFacetIds());
            }
            if (config instanceof LeverConfig c) {
                return new Config(c.platform(), null, null, null, c.site(), c.eu(), null);
            }
            String board = config instanceof GreenhouseConfig c ? c.boardToken()
                    : config instanceof AshbyConfig c ? c.organization()
                    : ((SmartRecruitersConfig) config).companyIdentifier();
            return new Config(config.platform(), null, null, null, board, null, null);
        }
    }

    static CompanyResponse of(CompanyView view) {
        return new CompanyResponse(view.id(), view.name(), view.config().platform(), view.careersUrl(),
                Config.of(view.config()), view.active(), view.followed(), view.excludeTerms(), view.createdAt(),
                view.updatedAt());
    }
}
