package org.jobsearch.identity;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtException;

import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Rotating the signing key without downtime: services accept the new key and, for a while, the
 * old one; the gateway then signs with the new key; finally the old key is dropped.
 */
class KeyRotationTest {

    private static final String OLD = IdentityTestData.KEY;
    private static final String NEW = IdentityTestData.OTHER_KEY;

    private static IdentityProperties verifyingWith(String current, String... previous) {
        return new IdentityProperties(current, null, null, null, null, List.of(previous));
    }

    @Test
    void duringTheRotationTokensFromTheOldAndTheNewKeyAreBothAccepted() {
        CurrentUser user = IdentityTestData.user();
        IdentityTokenVerifier service = new IdentityTokenVerifier(verifyingWith(NEW, OLD));

        String fromOldGateway = new IdentityTokenSigner(IdentityProperties.withSigningKey(OLD)).sign(user);
        String fromNewGateway = new IdentityTokenSigner(IdentityProperties.withSigningKey(NEW)).sign(user);

        assertThat(service.verify(fromOldGateway)).isEqualTo(user);
        assertThat(service.verify(fromNewGateway)).isEqualTo(user);
    }

    @Test
    void onceTheOldKeyIsDroppedItsTokensAreRefused() {
        CurrentUser user = IdentityTestData.user();
        String fromOldGateway = new IdentityTokenSigner(IdentityProperties.withSigningKey(OLD)).sign(user);

        IdentityTokenVerifier after = new IdentityTokenVerifier(verifyingWith(NEW));
        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> after.verify(fromOldGateway));
    }

    @Test
    void aTokenNamingAnAcceptedKeyButSignedWithAnotherIsRefused() {
        CurrentUser user = IdentityTestData.user();
        // kid of the new key, but signed with a key nobody accepts
        String stranger = Base64.getEncoder().encodeToString("a-third-key-that-nobody-accepts!".getBytes());
        String forged = new IdentityTokenSigner(IdentityProperties.withSigningKey(stranger)).sign(user);
        IdentityTokenVerifier service = new IdentityTokenVerifier(verifyingWith(NEW, OLD));
        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> service.verify(forged));
    }

    @Test
    void tokensNameTheirKeyWithoutRevealingIt() {
        String token = new IdentityTokenSigner(IdentityProperties.withSigningKey(NEW)).sign(IdentityTestData.user());
        String header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))));
        String kid = IdentityProperties.keyId(IdentityProperties.withSigningKey(NEW).secretKey());
        assertThat(header).contains("\"kid\":\"" + kid + "\"");
        assertThat(kid).hasSize(16).doesNotContain(NEW);
    }

    @Test
    void aShortPreviousKeyIsRefusedAtStartUpNamingTheProperty() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> verifyingWith(NEW, Base64.getEncoder().encodeToString("short".getBytes())))
                .withMessageContaining("jobsearch.identity.previous-signing-keys");
        assertThat(verifyingWith(NEW, OLD).toString()).doesNotContain(OLD).doesNotContain(NEW);
    }
}
