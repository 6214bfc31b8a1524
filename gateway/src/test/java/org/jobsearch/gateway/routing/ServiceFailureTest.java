package org.jobsearch.gateway.routing;

import org.jobsearch.gateway.DownstreamStub.Answer;
import org.jobsearch.gateway.GatewayIntegrationTest;
import org.jobsearch.gateway.GatewayTestData;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** A service that fails reaches the caller as Problem Details with the right gateway status. */
class ServiceFailureTest extends GatewayIntegrationTest {

    @Test
    void droppedConnectionIs502Problem() {
        downstream.respondWith(request -> Answer.DROP);

        HttpResponse<String> response = script("admin", GatewayTestData.ADMIN_PASSWORD).get("/api/prep/applications/1/notes");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":502").contains("interview-prep service");
    }

    @Test
    void serviceErrorsPassThroughUnchanged() {
        downstream.respondWith(request -> new Answer(422,
                "{\"type\":\"about:blank\",\"title\":\"Unprocessable Entity\",\"status\":422,\"detail\":\"company is required\"}"));

        HttpResponse<String> response = script("admin", GatewayTestData.ADMIN_PASSWORD)
                .postJson("/api/tracker/applications", "{}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("company is required");
    }
}
