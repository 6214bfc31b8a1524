package org.jobsearch.identity;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IdentityPropertiesTest {

    @Test
    void defaultsApplyWhenOnlyTheKeyIsSet() {
        IdentityProperties properties = IdentityProperties.withSigningKey(IdentityTestData.KEY);

        assertThat(properties.issuer()).isEqualTo("jobsearch-gateway");
        assertThat(properties.audience()).isEqualTo("jobsearch-services");
        assertThat(properties.tokenTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.mode()).isEqualTo("service");
        assertThat(properties.secretKey().getEncoded()).hasSize(32);
    }

    @Test
    void missingKeyIsRejectedNamingTheProperty() {
        assertThatIllegalArgumentException().isThrownBy(() -> IdentityProperties.withSigningKey(null))
                .withMessageContaining("jobsearch.identity.signing-key");
    }

    @Test
    void shortKeyIsRejectedNamingTheProperty() {
        assertThatIllegalArgumentException().isThrownBy(() -> IdentityProperties.withSigningKey("c2hvcnQ="))
                .withMessageContaining("jobsearch.identity.signing-key decodes to 5 bytes");
    }

    @Test
    void keyThatIsNotBase64IsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> IdentityProperties.withSigningKey("not base64 at all!"))
                .withMessageContaining("jobsearch.identity.signing-key is not valid base64");
    }

    @Test
    void urlSafeBase64IsAccepted() {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) 0xfb); // encodes to '+' and '/' in standard base64
        String urlSafe = java.util.Base64.getUrlEncoder().encodeToString(key);

        assertThat(urlSafe).contains("-", "_");
        assertThat(IdentityProperties.withSigningKey(urlSafe).secretKey().getEncoded()).isEqualTo(key);
    }

    @Test
    void unknownModeIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new IdentityProperties(IdentityTestData.KEY, null, null, null, "proxy"))
                .withMessageContaining("jobsearch.identity.mode");
    }

    @Test
    void keyNeverAppearsInToString() {
        assertThat(IdentityTestData.properties().toString()).doesNotContain(IdentityTestData.KEY);
    }
}
