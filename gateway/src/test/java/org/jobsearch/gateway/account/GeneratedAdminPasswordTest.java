package org.jobsearch.gateway.account;

import org.jobsearch.gateway.GatewayTestData;
import org.jobsearch.testkit.WithRealInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A first start without JOBSEARCH_ADMIN_PASSWORD: a generated password, logged exactly once. */
@SpringBootTest(properties = "JOBSEARCH_IDENTITY_SIGNING_KEY=" + GatewayTestData.SIGNING_KEY)
@WithRealInfrastructure
@ExtendWith(OutputCaptureExtension.class)
class GeneratedAdminPasswordTest {

    private static final Pattern GENERATED = Pattern.compile("Created the administrator account 'admin' with a generated password: (\\S+)\\R");

    @Autowired
    AdminBootstrap bootstrap;

    @Autowired
    AccountService accounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void generatedPasswordIsLoggedOnceAndSignsIn(CapturedOutput output) {
        // the context starts inside this class (no other test shares its settings), with the log already captured
        Matcher matcher = GENERATED.matcher(output.getOut());
        assertThat(matcher.find()).as("the start-up log shows the generated password").isTrue();
        String password = matcher.group(1);
        assertThat(password).hasSize(24);
        Account admin = accounts.findByUsername("admin").orElseThrow();
        assertThat(admin.roles()).containsExactlyInAnyOrder("USER", "ADMIN");
        assertThat(passwordEncoder.matches(password, admin.passwordHash())).isTrue();
        assertThat(admin.passwordHash()).doesNotContain(password);

        // later starts find the administrator and say nothing
        bootstrap.ensureAdministrator();
        bootstrap.ensureAdministrator();

        assertThat(output.getOut().split(Pattern.quote(password), -1)).as("occurrences of the password + 1").hasSize(2);
        assertThat(GENERATED.matcher(output.getOut()).results().count()).isEqualTo(1);
        assertThat(accounts.findByUsername("admin").orElseThrow().passwordHash()).isEqualTo(admin.passwordHash());
    }
}
