package org.jobsearch.discovery;

import org.jobsearch.testkit.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

/** What the platform around the service relies on: probes and the OpenAPI document, open without a token. */
@DiscoveryIntegrationTest
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
                .jsonPath("$.info.title").isEqualTo("discovery-service")
                .jsonPath("$.paths['/api/discovery/applied-jobs'].get").exists()
                .jsonPath("$.paths['/api/discovery/admin/dead-letters'].get").exists();
    }

    @Test
    void apiNeedsToken() {
        http.get().uri("/api/discovery/applied-jobs").exchange().expectStatus().isUnauthorized();
    }
}
