package org.jobsearch.gateway.routing;

import org.jobsearch.gateway.GatewayTestData;
import org.jobsearch.gateway.MutableClock;
import org.jobsearch.identity.CurrentUser;
import org.jobsearch.identity.IdentityProperties;
import org.jobsearch.identity.IdentityTokenSigner;
import org.jobsearch.identity.IdentityTokenVerifier;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** One identity token per user, reused until a minute before it expires. */
class IdentityTokenCacheTest {

    private final MutableClock clock = new MutableClock(Instant.now());
    private final IdentityProperties properties = new IdentityProperties(GatewayTestData.SIGNING_KEY, "jobsearch-gateway",
            "jobsearch-services", Duration.ofMinutes(5), IdentityProperties.GATEWAY_MODE, null, null);
    private final IdentityTokenCache tokens = new IdentityTokenCache(new IdentityTokenSigner(properties, clock),
            properties.tokenTtl(), clock);
    private final IdentityTokenVerifier verifier = new IdentityTokenVerifier(new IdentityProperties(GatewayTestData.SIGNING_KEY,
            "jobsearch-gateway", "jobsearch-services", Duration.ofMinutes(5), IdentityProperties.SERVICE_MODE, null, null));
    private final CurrentUser ada = new CurrentUser(UUID.randomUUID(), "ada", Set.of(CurrentUser.USER));

    @Test
    void aUsersTokenIsReusedUntilAMinuteBeforeItExpires() {
        String first = tokens.tokenFor(ada);
        clock.advance(Duration.ofMinutes(4).minusSeconds(1));
        assertThat(tokens.tokenFor(ada)).isEqualTo(first);

        clock.advance(Duration.ofSeconds(1));
        String renewed = tokens.tokenFor(ada);
        assertThat(renewed).isNotEqualTo(first);
        assertThat(verifier.verify(renewed)).isEqualTo(ada);
        assertThat(tokens.tokenFor(ada)).isEqualTo(renewed);
    }

    @Test
    void anotherUserOrOtherRolesGetTheirOwnToken() {
        CurrentUser adaAsAdmin = new CurrentUser(ada.id(), ada.name(), Set.of(CurrentUser.USER, CurrentUser.ADMIN));
        CurrentUser bob = new CurrentUser(UUID.randomUUID(), "bob", Set.of(CurrentUser.USER));

        String adas = tokens.tokenFor(ada);

        assertThat(verifier.verify(tokens.tokenFor(adaAsAdmin))).isEqualTo(adaAsAdmin);
        assertThat(verifier.verify(tokens.tokenFor(bob))).isEqualTo(bob);
        assertThat(verifier.verify(adas)).isEqualTo(ada);
    }

}
