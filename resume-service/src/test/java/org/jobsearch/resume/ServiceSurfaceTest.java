package org.jobsearch.resume;

import org.jobsearch.identity.IdentityProperties;
import org.jobsearch.testkit.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The service's shell: probes and the OpenAPI document open, its database migrated, its admin API for admins. */
@ResumeIntegrationTest
class ServiceSurfaceTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityProperties identity;
    @Autowired
    JdbcTemplate jdbc;

    RestTestClient http;
    TestUsers users;

    @BeforeEach
    void setUp() {
        http = TestHttp.client(port);
        users = new TestUsers(identity);
    }

    @Test
    void readinessIsUpWithoutToken() {
        http.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void openApiDocumentListsTheServicePaths() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.info.title").isEqualTo("resume-service")
                .jsonPath("$.paths['/api/resumes/admin/dead-letters'].get").exists();
    }

    @Test
    void messagingTablesAreMigrated() {
        assertThat(jdbc.queryForList("select table_name from information_schema.tables where table_schema = 'public'",
                String.class)).contains("outbox", "processed_event", "dead_letter");
    }

    @Test
    void adminApiNeedsAnAdminToken() {
        http.get().uri("/api/resumes/admin/dead-letters").exchange()
                .expectStatus().isUnauthorized();
        http.get().uri("/api/resumes/admin/dead-letters")
                .header(HttpHeaders.AUTHORIZATION, users.bearer(TestUsers.user("ursula"))).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/api/resumes/admin/dead-letters")
                .header(HttpHeaders.AUTHORIZATION, users.bearer(TestUsers.admin("ada"))).exchange()
                .expectStatus().isOk();
    }
}
