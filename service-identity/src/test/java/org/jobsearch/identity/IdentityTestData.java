package org.jobsearch.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

/** Keys, users and tokens for the identity tests. */
public final class IdentityTestData {

    /** 32 bytes, base64: what the test application is configured with. */
    public static final String KEY = "dGVzdC1vbmx5LWtleS1mb3ItaWRlbnRpdHktdG9rZW4=";
    /** Another valid key: tokens it signs must be rejected. */
    public static final String OTHER_KEY = "YW5vdGhlci1rZXktdGhhdC1pcy1hbHNvLTMyLWJ5dGU=";

    private IdentityTestData() {
    }

    public static CurrentUser user() {
        return new CurrentUser(UUID.fromString("0b7f7c3e-2a8e-4c8f-9d0e-6a1f1f0c9a11"), "alice", Set.of(CurrentUser.USER));
    }

    public static CurrentUser admin() {
        return new CurrentUser(UUID.fromString("5a0d3f21-8c1b-4f3e-a7a9-3c2b1d0e4f55"), "root",
                Set.of(CurrentUser.USER, CurrentUser.ADMIN));
    }

    public static IdentityProperties properties() {
        return IdentityProperties.withSigningKey(KEY);
    }

    public static String token(CurrentUser user) {
        return new IdentityTokenSigner(properties()).sign(user);
    }

    public static String tokenSignedWith(String key, CurrentUser user) {
        return new IdentityTokenSigner(IdentityProperties.withSigningKey(key)).sign(user);
    }

    /** Issued ten minutes ago with the default five-minute lifetime: past any clock skew allowance. */
    public static String expiredToken(CurrentUser user) {
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofMinutes(10)), ZoneOffset.UTC);
        return new IdentityTokenSigner(properties(), past).sign(user);
    }

    public static String tokenForAudience(String audience, CurrentUser user) {
        return new IdentityTokenSigner(new IdentityProperties(KEY, null, audience, null, null)).sign(user);
    }
}
