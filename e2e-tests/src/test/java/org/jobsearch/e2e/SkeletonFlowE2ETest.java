package org.jobsearch.e2e;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A script's view of the walking skeleton: an application created at the tracker through the
 * gateway crosses Kafka and shows up in discovery's applied jobs, and no service answers a request
 * that did not come through the gateway.
 */
class SkeletonFlowE2ETest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String basic = "Basic " + Base64.getEncoder().encodeToString(
            (RunningPlatform.ADMIN + ":" + RunningPlatform.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

    @Test
    void applicationCreatedAtTheTrackerAppearsInDiscoveryThroughTheGateway() throws Exception {
        String gateway = RunningPlatform.url();
        String externalJobId = "E2E-" + UUID.randomUUID();
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/tracker/applications"))
                .header("Authorization", basic)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"company":"Acme Robotics","title":"Platform Engineer","externalJobId":"%s","source":"company_site"}
                        """.formatted(externalJobId)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json.readTree(created.body()).get("id").asString();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            HttpResponse<String> applied = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/discovery/applied-jobs"))
                    .header("Authorization", basic).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(applied.statusCode()).isEqualTo(200);
            JsonNode match = null;
            for (JsonNode item : json.readTree(applied.body()).get("items")) {
                if (id.equals(item.get("applicationId").asString())) {
                    match = item;
                }
            }
            assertThat(match).as("applied job for application %s", id).isNotNull();
            assertThat(match.get("externalJobId").asString()).isEqualTo(externalJobId);
            assertThat(match.get("company").asString()).isEqualTo("Acme Robotics");
        });
    }

    @Test
    void servicesRefuseRequestsThatBypassTheGateway() throws Exception {
        RunningPlatform.url();
        for (int port : new int[]{8081, 8082, 8083, 8084}) {
            URI uri = URI.create("http://localhost:" + RunningPlatform.servicePort(port) + "/api/tracker/applications");
            HttpResponse<String> direct = http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(direct.statusCode()).as("GET %s without a token", uri).isEqualTo(401);
            HttpResponse<String> forged = http.send(HttpRequest.newBuilder(uri).header("Authorization", basic).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(forged.statusCode()).as("GET %s with the user's password instead of a gateway token", uri).isEqualTo(401);
        }
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(RunningPlatform.url() + "/api/tracker/applications"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }
}
