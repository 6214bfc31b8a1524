package org.jobsearch.gateway.account;

import org.jobsearch.gateway.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What the token cache may answer, without a server: its rules, not its speed. */
class ApiTokenCacheTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T08:00:00Z"));
    private final ApiTokenCache cache = new ApiTokenCache(Duration.ofSeconds(30), clock);
    private final Account account = new Account(UUID.randomUUID(), "ada", "{bcrypt}x", Set.of("USER"), true, clock.instant());

    @Test
    void anAnswerIsKeptForTheTtlOnly() {
        UUID token = UUID.randomUUID();
        cache.put("hash", token, account, null, cache.generation());

        clock.advance(Duration.ofSeconds(29));
        assertThat(cache.get("hash")).map(ApiTokenCache.Entry::tokenId).hasValue(token);
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.get("hash")).isEmpty();
    }

    @Test
    void anExpiredTokenIsNeverAnsweredFromTheCache() {
        cache.put("hash", UUID.randomUUID(), account, clock.instant().plusSeconds(10), cache.generation());
        assertThat(cache.get("hash")).isPresent();

        clock.advance(Duration.ofSeconds(10));
        assertThat(cache.get("hash")).isEmpty();
    }

    @Test
    void revokingATokenOrChangingItsAccountForgetsIt() {
        UUID revoked = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        cache.put("revoked", revoked, account, null, cache.generation());
        cache.put("other", other, account, null, cache.generation());
        Account stranger = new Account(UUID.randomUUID(), "bob", "{bcrypt}y", Set.of("USER"), true, clock.instant());
        cache.put("strangers", UUID.randomUUID(), stranger, null, cache.generation());

        cache.evictToken(revoked);
        assertThat(cache.get("revoked")).isEmpty();
        assertThat(cache.get("other")).isPresent();

        cache.evictAccount(account.id());
        assertThat(cache.get("other")).isEmpty();
        assertThat(cache.get("strangers")).isPresent();
    }

    @Test
    void aLookUpThatRacedWithARevocationIsNotStored() {
        long seen = cache.generation();
        // the look-up read the row before the revocation committed; the eviction ran after the commit
        cache.evictToken(UUID.randomUUID());
        cache.put("hash", UUID.randomUUID(), account, null, seen);

        assertThat(cache.get("hash")).isEmpty();
        cache.put("hash", UUID.randomUUID(), account, null, cache.generation());
        assertThat(cache.get("hash")).isPresent();
    }

    @Test
    void aZeroTtlKeepsNothing() {
        ApiTokenCache off = new ApiTokenCache(Duration.ZERO, clock);
        off.put("hash", UUID.randomUUID(), account, null, off.generation());

        assertThat(off.get("hash")).isEmpty();
        assertThat(off.size()).isZero();
    }

    @Test
    void neverGrowsBeyondItsBound() {
        for (int i = 0; i <= ApiTokenCache.MAX_ENTRIES; i++) {
            cache.put("hash-" + i, UUID.randomUUID(), account, null, cache.generation());
        }
        assertThat(cache.size()).isLessThanOrEqualTo(ApiTokenCache.MAX_ENTRIES);
    }
}
