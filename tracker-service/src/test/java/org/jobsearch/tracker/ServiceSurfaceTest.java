package org.jobsearch.tracker;

import org.jobsearch.identity.IdentityProperties;
import org.jobsearch.testkit.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.util.List;

/** What the platform around the service relies on: probes and the OpenAPI document open, admin API for admins. */
@TrackerIntegrationTest
class ServiceSurfaceTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityProperties identity;

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
        http.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk();
    }

    @Test
    void openApiDocumentListsTheServicePaths() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.info.title").isEqualTo("tracker-service")
                .jsonPath("$.paths['/api/tracker/applications'].post.responses['201']").exists()
                .jsonPath("$.paths['/api/tracker/applications'].get.parameters[*].name").isEqualTo(List.of("page", "size"))
                .jsonPath("$.paths['/api/tracker/applications/{id}'].get").exists()
                .jsonPath("$.paths['/api/tracker/applications/{id}/status'].post").exists()
                .jsonPath("$.paths['/api/tracker/applications/{id}/outcome'].put").exists()
                .jsonPath("$.paths['/api/tracker/applications/{applicationId}/interviews'].post.responses['201']").exists()
                .jsonPath("$.paths['/api/tracker/applications/{applicationId}/interviews/{interviewId}'].put").exists()
                .jsonPath("$.paths['/api/tracker/applications/{applicationId}/interviews/{interviewId}/cancel'].post").exists()
                .jsonPath("$.paths['/api/tracker/interviews/upcoming'].get.parameters[*].name")
                .isEqualTo(List.of("stage", "page", "size"))
                .jsonPath("$.paths['/api/tracker/companies/{name}/applications'].get").exists()
                .jsonPath("$.paths['/api/tracker/jobs'].post.responses['201']").exists()
                .jsonPath("$.paths['/api/tracker/jobs/{id}'].put").exists()
                .jsonPath("$.paths['/api/tracker/admin/dead-letters'].get").exists();
    }

    @Test
    void deadLetterApiIsForAdminsOnly() {
        http.get().uri("/api/tracker/admin/dead-letters")
                .header(HttpHeaders.AUTHORIZATION, users.bearer(TestUsers.user("ursula"))).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/api/tracker/admin/dead-letters")
                .header(HttpHeaders.AUTHORIZATION, users.bearer(TestUsers.admin("ada"))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items").isArray();
    }
}
