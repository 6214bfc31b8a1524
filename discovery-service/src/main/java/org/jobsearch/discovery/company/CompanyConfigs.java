package org.jobsearch.discovery.company;

import org.jobsearch.discovery.ats.AshbyConfig;
import org.jobsearch.discovery.ats.AtsConfig;
import org.jobsearch.discovery.ats.AtsConfigException;
import org.jobsearch.discovery.ats.GreenhouseConfig;
import org.jobsearch.discovery.ats.LeverConfig;
import org.jobsearch.discovery.ats.SmartRecruitersConfig;
import org.jobsearch.discovery.ats.WorkdayConfig;
import org.jobsearch.events.AtsPlatform;

import java.util.List;
import java.util.Locale;

/**
 * A company's ATS config as one canonical text ({@code workday:acme.wd5.myworkdayjobs.com/acme/External},
 * {@code greenhouse:acme}, {@code lever-eu:acme}, ...): what the catalog stores and compares, ignoring case, to keep
 * one company per board whatever URL it was added by.
 */
public final class CompanyConfigs {

    private CompanyConfigs() {
    }

    public static String key(AtsConfig config) {
        if (config instanceof WorkdayConfig c) {
            return "workday:" + c.host() + "/" + c.tenant() + "/" + c.site();
        }
        if (config instanceof GreenhouseConfig c) {
            return "greenhouse:" + c.boardToken();
        }
        if (config instanceof LeverConfig c) {
            return (c.eu() ? "lever-eu:" : "lever:") + c.site();
        }
        if (config instanceof AshbyConfig c) {
            return "ashby:" + c.organization();
        }
        if (config instanceof SmartRecruitersConfig c) {
            return "smartrecruiters:" + c.companyIdentifier();
        }
        throw new IllegalArgumentException("unsupported ATS config " + config);
    }

    public static AtsConfig parse(String key, List<String> locationFacetIds) {
        int colon = key.indexOf(':');
        String kind = key.substring(0, colon);
        String value = key.substring(colon + 1);
        return switch (kind) {
            case "workday" -> {
                String[] parts = value.split("/");
                yield new WorkdayConfig(parts[0], parts[1], parts[2], locationFacetIds);
            }
            case "greenhouse" -> new GreenhouseConfig(value);
            case "lever" -> new LeverConfig(value, false);
            case "lever-eu" -> new LeverConfig(value, true);
            case "ashby" -> new AshbyConfig(value);
            case "smartrecruiters" -> new SmartRecruitersConfig(value);
            default -> throw new IllegalStateException("unknown stored ATS key " + key);
        };
    }

    /**
     * An explicit config: Workday needs {@code host}, {@code tenant}, {@code site} (and optional location facet ids);
     * the others need {@code board} (Greenhouse board token, Lever site, Ashby organization, SmartRecruiters company
     * identifier), Lever optionally {@code eu}.
     *
     * @throws AtsConfigException naming what is missing or wrong
     */
    public static AtsConfig of(AtsPlatform platform, String host, String tenant, String site, String board, boolean eu,
                               List<String> locationFacetIds) {
        if (platform == null) {
            throw new AtsConfigException("platform is required");
        }
        return switch (platform) {
            case WORKDAY -> new WorkdayConfig(host, tenant, site, locationFacetIds);
            case GREENHOUSE -> new GreenhouseConfig(board);
            case LEVER -> new LeverConfig(board, eu);
            case ASHBY -> new AshbyConfig(board);
            case SMARTRECRUITERS -> new SmartRecruitersConfig(board);
        };
    }

    /** A readable default name when the user gives none: the tenant or board, capitalised. */
    static String defaultName(AtsConfig config) {
        String key = key(config);
        String board = config instanceof WorkdayConfig c ? c.tenant() : key.substring(key.indexOf(':') + 1);
        return board.substring(0, 1).toUpperCase(Locale.ROOT) + board.substring(1);
    }

    static List<String> facets(AtsConfig config) {
        return config instanceof WorkdayConfig c ? c.locationFacetIds() : List.of();
    }
}
