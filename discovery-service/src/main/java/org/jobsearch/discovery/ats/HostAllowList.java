package org.jobsearch.discovery.ats;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The hosts the server may fetch from: the platforms' own (over https, default port) and those the operator adds
 * ({@code jobsearch.discovery.ats.extra-allowed-hosts}, http or https, any port). Checked against the final URI
 * of every request, redirects included.
 */
final class HostAllowList {

    static final List<String> PLATFORM_HOSTS = List.of(
            "*.myworkdayjobs.com", "*.myworkdaysite.com",
            "boards-api.greenhouse.io",
            "api.lever.co", "api.eu.lever.co",
            "api.ashbyhq.com",
            "api.smartrecruiters.com");

    private final List<String> extraHosts;

    HostAllowList(List<String> extraHosts) {
        this.extraHosts = List.copyOf(extraHosts);
    }

    void check(URI uri) {
        String refusal = refusal(uri);
        if (refusal != null) {
            throw new AtsFetchException(FetchResult.Outcome.REFUSED, refusal);
        }
    }

    /** Why {@code uri} may not be fetched, or null if it may. */
    String refusal(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return "refused " + uri + ": only http(s) is fetched";
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            return "refused " + uri + ": no plain host name";
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (matchesAny(host, extraHosts)) {
            return null;
        }
        if (matchesAny(host, PLATFORM_HOSTS)) {
            return scheme.equals("https") && (uri.getPort() == -1 || uri.getPort() == 443) ? null
                    : "refused " + uri + ": ATS hosts are fetched over https on the default port only";
        }
        return "refused " + uri + ": host " + host + " is not an ATS host nor in "
                + "jobsearch.discovery.ats.extra-allowed-hosts";
    }

    private static boolean matchesAny(String host, List<String> patterns) {
        for (String pattern : patterns) {
            if (pattern.startsWith("*.")) {
                String suffix = pattern.substring(1);
                if (host.endsWith(suffix) && host.length() > suffix.length()) {
                    return true;
                }
            } else if (host.equals(pattern)) {
                return true;
            }
        }
        return false;
    }
}
