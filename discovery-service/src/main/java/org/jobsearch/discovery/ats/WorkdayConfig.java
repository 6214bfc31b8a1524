package org.jobsearch.discovery.ats;

import org.jobsearch.events.AtsPlatform;

import java.util.List;
import java.util.Locale;

/**
 * A Workday CXS career site.
 *
 * @param host              the career site's host, e.g. {@code acme.wd5.myworkdayjobs.com} or
 *                          {@code wd5.myworkdaysite.com} (the shard varies per tenant)
 * @param tenant            the tenant, e.g. {@code acme}
 * @param site              the career site, e.g. {@code External}
 * @param locationFacetIds  Workday location facet ids sent as {@code appliedFacets.locations}; empty: all locations
 */
public record WorkdayConfig(String host, String tenant, String site, List<String> locationFacetIds) implements AtsConfig {

    public WorkdayConfig {
        if (host == null || !host.matches("[A-Za-z0-9]([A-Za-z0-9.-]{0,250})(:[0-9]{1,5})?") || host.contains("..")) {
            throw new AtsConfigException("Workday host must be a host name such as acme.wd5.myworkdayjobs.com (got '"
                    + host + "')");
        }
        host = host.toLowerCase(Locale.ROOT);
        AtsConfig.requireSegment(tenant, "Workday tenant");
        AtsConfig.requireSegment(site, "Workday site");
        locationFacetIds = locationFacetIds == null ? List.of() : List.copyOf(locationFacetIds);
        for (String id : locationFacetIds) {
            if (id == null || !id.matches("[A-Za-z0-9_-]{1,100}")) {
                throw new AtsConfigException("Workday location facet ids must be 1-100 letters, digits, _ or - (got '"
                        + id + "')");
            }
        }
    }

    public WorkdayConfig(String host, String tenant, String site) {
        this(host, tenant, site, List.of());
    }

    @Override
    public AtsPlatform platform() {
        return AtsPlatform.WORKDAY;
    }

    /** Sites on {@code *.myworkdaysite.com} put {@code /recruiting/{tenant}} before the site in human URLs. */
    boolean onMyWorkdaySite() {
        return host.endsWith(".myworkdaysite.com");
    }
}
