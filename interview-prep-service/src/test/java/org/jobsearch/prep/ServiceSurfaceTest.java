package org.jobsearch.prep;

import org.jobsearch.testkit.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.util.UUID;

/** What the platform around the service relies on: probes and the OpenAPI document, open without a token. */
@InterviewPrepIntegrationTest
class ServiceSurfaceTest {

    @LocalServerPort
    int port;

    RestTestClient http;

    @BeforeEach
    void setUp() {
        http = TestHttp.client(port);
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
                .jsonPath("$.info.title").isEqualTo("interview-prep-service")
                .jsonPath("$.paths['/api/prep/applications/{applicationId}'].get").exists()
                .jsonPath("$.paths['/api/prep/admin/dead-letters'].get").exists();
    }

    @Test
    void apiNeedsToken() {
        http.get().uri("/api/prep/applications/" + UUID.randomUUID()).exchange().expectStatus().isUnauthorized();
    }
}
