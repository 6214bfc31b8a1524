package org.jobsearch.identity;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/** Which beans each mode brings, and the start-up check of the key. */
class IdentityAutoConfigurationTest {

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(IdentityAutoConfiguration.class));

    @Test
    void startUpFailsWithoutAKeyNamingTheProperty() {
        web.run(context -> assertThat(context).hasFailed().getFailure()
                .rootCause().hasMessageContaining("jobsearch.identity.signing-key"));
    }

    @Test
    void startUpFailsWithAShortKey() {
        web.withPropertyValues("jobsearch.identity.signing-key=c2hvcnQ=")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("jobsearch.identity.signing-key decodes to 5 bytes"));
    }

    @Test
    void gatewayModeSignsAndLeavesSecurityToTheGateway() {
        web.withPropertyValues("jobsearch.identity.signing-key=" + IdentityTestData.KEY, "jobsearch.identity.mode=gateway")
                .run(context -> {
                    assertThat(context).hasSingleBean(IdentityTokenSigner.class);
                    assertThat(context).doesNotHaveBean(JwtDecoder.class);
                    assertThat(context).doesNotHaveBean(SecurityFilterChain.class);
                });
    }

    @Test
    void nonWebApplicationGetsNoResourceServer() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(IdentityAutoConfiguration.class))
                .withPropertyValues("jobsearch.identity.signing-key=" + IdentityTestData.KEY)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(JwtDecoder.class);
                    assertThat(context).doesNotHaveBean(IdentityTokenSigner.class);
                });
    }
}
