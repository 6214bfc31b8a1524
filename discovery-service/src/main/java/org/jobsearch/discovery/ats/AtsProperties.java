package org.jobsearch.discovery.ats;

import org.jobsearch.events.AtsPlatform;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ATS clients, under {@code jobsearch.discovery.ats}; checked in the constructor, so a bad value stops the
 * start-up with a message naming the property.
 *
 * @param connectTimeout       TCP/TLS connect timeout
 * @param readTimeout          the longest a whole request may take, response body included (Ashby answers after
 *                             10 s or more)
 * @param maxAttempts          attempts per request, the first included, on timeouts, 429 and 5xx
 * @param initialBackoff       wait before the second attempt; doubles per attempt, with up to 10% jitter
 * @param maxBackoff           longest back-off
 * @param maxRetryAfter        a server's {@code Retry-After} is honoured up to this long
 * @param maxConcurrentHosts   how many hosts are fetched at the same time
 * @param pauseBetweenRequests pause between the end of one request to a host and the start of the next
 * @param maxPostings          most postings kept per company and search (bounds paging and detail requests)
 * @param userAgent            the User-Agent sent (some Workday tenants answer 500 to non-browser agents)
 * @param extraAllowedHosts    hosts allowed besides the platforms' own ({@code localhost}, a mirror);
 *                             {@code *.example.org} allows subdomains
 * @param baseUrls             per platform, a base URL replacing the platform's API host (tests, mirrors); its host
 *                             must be in {@code extra-allowed-hosts} too
 * @param workdayTenantUrl     how a Workday company's configured host becomes its base URL: {@code {host}} is replaced
 *                             by the host (with its port, if any). {@code https://{host}} in production; a mirror
 *                             serving each tenant under its own name over plain http uses {@code http://{host}}.
 *                             {@code base-urls.workday}, when set, wins (every tenant on one host)
 */
@ConfigurationProperties("jobsearch.discovery.ats")
public record AtsProperties(
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout,
        @DefaultValue("4") int maxAttempts,
        @DefaultValue("1s") Duration initialBackoff,
        @DefaultValue("30s") Duration maxBackoff,
        @DefaultValue("60s") Duration maxRetryAfter,
        @DefaultValue("4") int maxConcurrentHosts,
        @DefaultValue("250ms") Duration pauseBetweenRequests,
        @DefaultValue("1000") int maxPostings,
        @DefaultValue(DEFAULT_USER_AGENT) String userAgent,
        List<String> extraAllowedHosts,
        Map<AtsPlatform, URI> baseUrls,
        @DefaultValue(DEFAULT_WORKDAY_TENANT_URL) String workdayTenantUrl) {

    public static final String DEFAULT_USER_AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
    public static final String DEFAULT_WORKDAY_TENANT_URL = "https://{host}";
    private static final String PREFIX = "jobsearch.discovery.ats.";

    @ConstructorBinding
    public AtsProperties {
        positive(connectTimeout, "connect-timeout");
        positive(readTimeout, "read-timeout");
        range(maxAttempts, 1, 10, "max-attempts");
        positive(initialBackoff, "initial-backoff");
        positive(maxBackoff, "max-backoff");
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(PREFIX + "max-backoff must not be shorter than initial-backoff");
        }
        positive(maxRetryAfter, "max-retry-after");
        range(maxConcurrentHosts, 1, 64, "max-concurrent-hosts");
        if (pauseBetweenRequests == null || pauseBetweenRequests.isNegative()) {
            throw new IllegalArgumentException(PREFIX + "pause-between-requests must be zero or positive");
        }
        range(maxPostings, 1, 20_000, "max-postings");
        if (userAgent == null || userAgent.isBlank()) {
            throw new IllegalArgumentException(PREFIX + "user-agent must not be empty");
        }
        extraAllowedHosts = extraAllowedHosts == null ? List.of()
                : extraAllowedHosts.stream().map(String::strip).filter(h -> !h.isEmpty())
                        .map(h -> h.toLowerCase(Locale.ROOT)).toList();
        for (String host : extraAllowedHosts) {
            if (!host.matches("(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")) {
                throw new IllegalArgumentException(PREFIX + "extra-allowed-hosts: '" + host
                        + "' is not a host name (optionally *.-prefixed); ports and schemes do not belong here");
            }
        }
        Map<AtsPlatform, URI> bases = new EnumMap<>(AtsPlatform.class);
        if (baseUrls != null) {
            baseUrls.forEach((platform, uri) -> {
                String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                        || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                    throw new IllegalArgumentException(PREFIX + "base-urls." + platform.name().toLowerCase(Locale.ROOT)
                            + " must be an http(s) URL with a host and no query (got '" + uri + "')");
                }
                bases.put(platform, uri);
            });
        }
        baseUrls = Map.copyOf(bases);
        if (workdayTenantUrl == null || !workdayTenantUrl.matches("https?://\\{host}(/[A-Za-z0-9._~/-]*)?")) {
            throw new IllegalArgumentException(PREFIX + "workday-tenant-url must be http(s)://{host} with an optional "
                    + "path (got '" + workdayTenantUrl + "')");
        }
    }

    /** Without {@code workday-tenant-url} (the production default). */
    public AtsProperties(Duration connectTimeout, Duration readTimeout, int maxAttempts, Duration initialBackoff,
                         Duration maxBackoff, Duration maxRetryAfter, int maxConcurrentHosts,
                         Duration pauseBetweenRequests, int maxPostings, String userAgent,
                         List<String> extraAllowedHosts, Map<AtsPlatform, URI> baseUrls) {
        this(connectTimeout, readTimeout, maxAttempts, initialBackoff, maxBackoff, maxRetryAfter, maxConcurrentHosts,
                pauseBetweenRequests, maxPostings, userAgent, extraAllowedHosts, baseUrls, DEFAULT_WORKDAY_TENANT_URL);
    }

    /** The base URL of a Workday career site on {@code host} ({@code host[:port]}). */
    public URI workdayBase(String host) {
        return URI.create(workdayTenantUrl.replace("{host}", host));
    }

    /** The defaults, for code and tests built without Spring. */
    public static AtsProperties defaults() {
        return new AtsProperties(Duration.ofSeconds(5), Duration.ofSeconds(30), 4, Duration.ofSeconds(1),
                Duration.ofSeconds(30), Duration.ofSeconds(60), 4, Duration.ofMillis(250), 1000, DEFAULT_USER_AGENT,
                List.of(), Map.of());
    }

    private static void positive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(PREFIX + name + " must be positive (got " + value + ")");
        }
    }

    private static void range(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(PREFIX + name + " must be between " + min + " and " + max
                    + " (got " + value + ")");
        }
    }
}
