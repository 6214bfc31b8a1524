package org.jobsearch.gateway.routing;

import org.jobsearch.identity.CurrentUser;
import org.jobsearch.identity.IdentityTokenSigner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The identity token forwarded for each user, signed once and reused until shortly before it expires
 * (for a 5-minute token: signed again after 4 minutes), instead of a JWT signed per request. Keyed by
 * the whole {@link CurrentUser}: another name or other roles get a token of their own. Reusing a token
 * vouches for nothing new: it says what a fresh one would, and the gateway forwards only requests it
 * has just authenticated (a disabled account's request is refused before it gets here).
 */
final class IdentityTokenCache {

    /** Users active within one token lifetime; beyond it the stale ones go, then everything. */
    static final int MAX_ENTRIES = 10_000;
    /** Time left on a reused token, at least: covers a slow service's queue and clock skew. */
    static final Duration MAX_MARGIN = Duration.ofMinutes(1);

    private record Signed(String token, Instant renewAt) {
    }

    private final Map<CurrentUser, Signed> byUser = new ConcurrentHashMap<>();
    private final IdentityTokenSigner signer;
    private final Duration reuseFor;
    private final Clock clock;

    IdentityTokenCache(IdentityTokenSigner signer, Duration tokenTtl, Clock clock) {
        this.signer = signer;
        Duration half = tokenTtl.dividedBy(2);
        // a minute before expiry, or half-way for tokens of two minutes and less
        this.reuseFor = tokenTtl.minus(half.compareTo(MAX_MARGIN) < 0 ? half : MAX_MARGIN);
        this.clock = clock;
    }

    String tokenFor(CurrentUser user) {
        Instant now = clock.instant();
        Signed signed = byUser.get(user);
        if (signed != null && now.isBefore(signed.renewAt())) {
            return signed.token();
        }
        String token = signer.sign(user);
        if (byUser.size() >= MAX_ENTRIES) {
            byUser.values().removeIf(s -> !now.isBefore(s.renewAt()));
            if (byUser.size() >= MAX_ENTRIES) {
                byUser.clear();
            }
        }
        byUser.put(user, new Signed(token, now.plus(reuseFor)));
        return token;
    }
}
