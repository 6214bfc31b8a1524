package org.jobsearch.identity;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IdentityTokenSignerTest {

    private final IdentityTokenVerifier verifier = new IdentityTokenVerifier(IdentityTestData.properties());

    @Test
    void signedTokenCarriesTheUserAndTheDeploymentClaims() {
        CurrentUser admin = IdentityTestData.admin();

        Jwt jwt = verifier.decoder().decode(IdentityTestData.token(admin));

        assertThat(jwt.getHeaders()).containsEntry("alg", "HS256");
        assertThat(jwt.getSubject()).isEqualTo(admin.id().toString());
        assertThat(jwt.getClaimAsString("name")).isEqualTo("root");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("ADMIN", "USER");
        assertThat(jwt.getClaimAsString("iss")).isEqualTo("jobsearch-gateway");
        assertThat(jwt.getAudience()).containsExactly("jobsearch-services");
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(5));
        assertThat(IdentityTokenVerifier.currentUser(jwt)).isEqualTo(admin);
        assertThat(IdentityTokenVerifier.currentUser(jwt).isAdmin()).isTrue();
    }

    @Test
    void tokenFromAnotherKeyIsRejected() {
        String forged = IdentityTestData.tokenSignedWith(IdentityTestData.OTHER_KEY, IdentityTestData.user());

        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> verifier.verify(forged));
    }

    @Test
    void expiredTokenIsRejected() {
        String expired = IdentityTestData.expiredToken(IdentityTestData.user());

        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> verifier.verify(expired))
                .withMessageContaining("expired");
    }

    @Test
    void tokenForAnotherAudienceIsRejected() {
        String elsewhere = IdentityTestData.tokenForAudience("someone-else", IdentityTestData.user());

        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> verifier.verify(elsewhere))
                .withMessageContaining("aud");
    }

    @Test
    void tokenFromAnotherIssuerIsRejected() {
        String otherIssuer = new IdentityTokenSigner(new IdentityProperties(IdentityTestData.KEY, "not-the-gateway", null,
                null, null)).sign(IdentityTestData.user());

        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> verifier.verify(otherIssuer));
    }
}
