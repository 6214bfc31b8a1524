package org.jobsearch.discovery.ats;

import org.jobsearch.events.AtsPlatform;

/**
 * Where one company's postings live on its applicant tracking system: one record per platform, each
 * validated in its canonical constructor so that no value can bend the request URL (a path segment
 * never carries a slash, a host never carries a path). Which hosts may be fetched at all is decided
 * separately, by the outbound allow-list, before every request.
 */
public sealed interface AtsConfig
        permits WorkdayConfig, GreenhouseConfig, LeverConfig, AshbyConfig, SmartRecruitersConfig {

    AtsPlatform platform();

    /** Letters, digits, {@code _ . -}; no {@code ..}: safe as one URL path segment. */
    static String requireSegment(String value, String what) {
        if (value == null || !value.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,199}") || value.contains("..")) {
            throw new AtsConfigException(what + " must be 1-200 letters, digits or _ . - (got '" + value + "')");
        }
        return value;
    }
}
