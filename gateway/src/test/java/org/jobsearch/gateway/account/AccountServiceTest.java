package org.jobsearch.gateway.account;

import org.jobsearch.gateway.GatewayIntegrationTest;
import org.jobsearch.gateway.GatewayTestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Accounts on the real database: hashing, case-insensitive names, the administrator from the environment. */
class AccountServiceTest extends GatewayIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void administratorFromTheEnvironmentWasCreatedOnStart() {
        Account admin = accounts.findByUsername("admin").orElseThrow();

        assertThat(admin.roles()).containsExactlyInAnyOrder("USER", "ADMIN");
        assertThat(admin.enabled()).isTrue();
        assertThat(passwordEncoder.matches(GatewayTestData.ADMIN_PASSWORD, admin.passwordHash())).isTrue();
    }

    @Test
    void passwordIsStoredAsABcryptHashOnly() {
        accounts.create("hashing-check", "correct horse battery", Set.of(AccountService.USER));

        String stored = jdbc.sql("select password_hash from account where username = 'hashing-check'").query(String.class).single();

        assertThat(stored).startsWith("{bcrypt}$2").doesNotContain("correct horse battery");
        assertThat(passwordEncoder.matches("correct horse battery", stored)).isTrue();
    }

    @Test
    void userNamesAreUniqueRegardlessOfCase() {
        assertThat(accounts.create("Case-Check", "password-one-long", Set.of(AccountService.USER))).isPresent();

        assertThat(accounts.create("case-check", "password-two-long", Set.of(AccountService.USER))).isEmpty();
        assertThat(accounts.findByUsername("CASE-CHECK")).map(Account::username).hasValue("Case-Check");
    }

    @Test
    void existingAdministratorIsLeftAlone() {
        String before = accounts.findByUsername("admin").orElseThrow().passwordHash();

        new AdminBootstrap(accounts, new AccountProperties("admin", "another-long-password")).ensureAdministrator();

        assertThat(accounts.findByUsername("admin").orElseThrow().passwordHash()).isEqualTo(before);
    }
}
