package org.jobsearch.gateway.security;

import org.jobsearch.gateway.DownstreamStub;
import org.jobsearch.gateway.GatewayClient;
import org.jobsearch.testkit.WithRealInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway started with known secrets (identity signing key, database password, the administrator's password
 * from the environment), at the production log levels plus DEBUG for the platform's own code: nothing it logs from
 * start-up through sign-ins, forwarded requests and failures contains one, no answer returns one, and the actuator
 * shows nobody its environment or configuration.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "logging.level.root=INFO", "logging.level.org.jobsearch=DEBUG"})
@WithRealInfrastructure
@ExtendWith(OutputCaptureExtension.class)
class SecretsNeverLoggedTest {

    private static final String SIGNING_KEY = Base64.getEncoder().encodeToString(
            ("signing-secret-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
    private static final String DB_PASSWORD = "db-secret-" + UUID.randomUUID();
    private static final String ADMIN_PASSWORD = "admin-secret-" + UUID.randomUUID();
    private static final Map<String, String> SECRETS = Map.of("signing key", SIGNING_KEY, "database password", DB_PASSWORD,
            "admin password", ADMIN_PASSWORD);

    private static final DownstreamStub downstream = DownstreamStub.shared();

    @DynamicPropertySource
    static void secretsFromTheEnvironment(DynamicPropertyRegistry registry) {
        registry.add("JOBSEARCH_IDENTITY_SIGNING_KEY", () -> SIGNING_KEY);
        registry.add("JOBSEARCH_ADMIN_PASSWORD", () -> ADMIN_PASSWORD);
        for (String service : new String[]{"DISCOVERY", "RESUME", "TRACKER", "PREP"}) {
            registry.add("JOBSEARCH_" + service + "_URL", downstream::url);
        }
    }

    /**
     * The database password, set over the test infrastructure's own (which is added ahead of every other property
     * source); the test database trusts loopback connections, so any password connects.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class DatabasePassword {

        @Bean
        static BeanFactoryPostProcessor knownDatabasePassword(ConfigurableEnvironment environment) {
            return beanFactory -> environment.getPropertySources().addFirst(new MapPropertySource("secret-database-password",
                    Map.of("spring.datasource.password", DB_PASSWORD)));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Test
    void noSecretIsLoggedOrReturnedThroughStartUpSignInsForwardingAndFailures(CapturedOutput output) {
        // the secrets under test are the ones the gateway runs with
        assertThat(environment.getProperty("spring.datasource.password")).isEqualTo(DB_PASSWORD);
        assertThat(environment.getProperty("jobsearch.identity.signing-key")).isEqualTo(SIGNING_KEY);

        List<HttpResponse<String>> answers = new ArrayList<>();
        GatewayClient admin = GatewayClient.script(port, "admin", ADMIN_PASSWORD);
        answers.add(admin.get("/api/me"));
        answers.add(admin.get("/api/tracker/applications")); // forwarded: a token signed with the key
        answers.add(admin.postJson("/api/accounts", "{\"username\":\"x\",\"password\":\"short\"}"));
        answers.add(admin.postJson("/api/accounts", "{\"username\":\"secret-user-" + UUID.randomUUID().toString()
                .substring(0, 6) + "\",\"password\":\"short\"}"));
        answers.add(admin.postJson("/api/me/password", "{\"currentPassword\":\"wrong-password-123\",\"newPassword\":\"x\"}"));
        answers.add(admin.postJson("/api/me/tokens", "{\"name\":"));
        answers.add(GatewayClient.script(port, "admin", ADMIN_PASSWORD + "x").get("/api/me"));
        answers.add(GatewayClient.script(port, "nobody", ADMIN_PASSWORD).get("/api/me"));
        answers.add(GatewayClient.bearer(port, "jst_" + SIGNING_KEY).get("/api/me"));
        answers.add(GatewayClient.anonymous(port).get("/api/tracker/applications", "Authorization", "Bearer " + SIGNING_KEY));
        GatewayClient browser = GatewayClient.browser(port);
        answers.add(browser.signIn("admin", "not-" + ADMIN_PASSWORD));
        answers.add(browser.signIn("admin", ADMIN_PASSWORD));
        answers.add(browser.get("/api/me"));
        for (String endpoint : List.of("/actuator", "/actuator/health", "/actuator/info", "/actuator/env",
                "/actuator/configprops", "/actuator/beans", "/actuator/loggers", "/actuator/heapdump")) {
            answers.add(admin.get(endpoint));
        }

        assertThat(output.getAll()).as("the capture sees the gateway's log")
                .contains("Started SecretsNeverLoggedTest", "Created the administrator account 'admin'");
        SECRETS.forEach((kind, secret) -> {
            assertThat(output.getAll()).as("the log holds the %s", kind).doesNotContain(secret);
            for (HttpResponse<String> answer : answers) {
                assertThat(answer.body()).as("%s %s returns the %s", answer.request().method(), answer.request().uri(), kind)
                        .doesNotContain(secret);
                answer.headers().map().forEach((name, values) -> assertThat(values)
                        .as("header %s of %s", name, answer.request().uri()).noneMatch(v -> v.contains(secret)));
            }
        });
    }

    @Test
    void theActuatorExposesOnlyHealthAndInfoAndNoEnvironmentOrConfiguration() {
        String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
        GatewayClient admin = GatewayClient.script(port, "admin", ADMIN_PASSWORD);
        assertThat(admin.postJson("/api/accounts", "{\"username\":\"" + username + "\",\"password\":\"a-long-user-password\"}")
                .statusCode()).isEqualTo(201);
        GatewayClient user = GatewayClient.script(port, username, "a-long-user-password");

        for (String open : List.of("/actuator/health", "/actuator/info")) {
            assertThat(GatewayClient.anonymous(port).get(open).statusCode()).as(open).isEqualTo(200);
        }
        for (String hidden : List.of("/actuator", "/actuator/env", "/actuator/configprops", "/actuator/beans",
                "/actuator/heapdump", "/actuator/loggers", "/actuator/mappings", "/actuator/threaddump")) {
            assertThat(user.get(hidden).statusCode()).as("a user asks for %s", hidden).isEqualTo(403);
            assertThat(GatewayClient.anonymous(port).get(hidden).statusCode()).as("anonymous %s", hidden).isEqualTo(401);
        }
        for (String absent : List.of("/actuator/env", "/actuator/configprops", "/actuator/beans", "/actuator/heapdump")) {
            assertThat(admin.get(absent).statusCode()).as("even an admin: %s is not exposed", absent).isEqualTo(404);
        }
        String links = admin.get("/actuator").body();
        assertThat(links).contains("/actuator/health").doesNotContain("/actuator/env", "/actuator/configprops");
    }
}
