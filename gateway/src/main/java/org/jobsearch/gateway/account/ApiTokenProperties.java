package org.jobsearch.gateway.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Personal API tokens, under {@code jobsearch.api-tokens}.
 *
 * @param cacheTtl how long the gateway remembers which account a token belongs to (env
 *                 {@code JOBSEARCH_API_TOKEN_CACHE_TTL}, 0 = ask the database on every request). Revoking,
 *                 disabling and password changes made through this gateway take effect at once regardless; this
 *                 bounds only changes it cannot see (another instance, SQL typed into its database).
 */
@ConfigurationProperties("jobsearch.api-tokens")
public record ApiTokenProperties(@DefaultValue("30s") Duration cacheTtl) {

    static final Duration MAX_CACHE_TTL = Duration.ofMinutes(5);

    public ApiTokenProperties {
        if (cacheTtl == null || cacheTtl.isNegative() || cacheTtl.compareTo(MAX_CACHE_TTL) > 0) {
            throw new IllegalArgumentException("jobsearch.api-tokens.cache-ttl (env JOBSEARCH_API_TOKEN_CACHE_TTL) must be between 0s and "
                    + MAX_CACHE_TTL.toSeconds() + "s, was " + cacheTtl);
        }
    }
}
