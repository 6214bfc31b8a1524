package org.jobsearch.e2e;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole local stack stopped (apps, Kafka, PostgreSQL, as Ctrl-C stops {@code ./run-local}) and
 * started again on its data loses nothing: the account, its API token and what each service holds
 * read back the same, and events written after the restart still flow between the services.
 */
class StackRestartE2ETest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void restartOfTheWholeStack_losesNoDataAndEventsFlowAfterwards() throws Exception {
        String admin = E2eAccounts.basic(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);
        String username = "restart" + UUID.randomUUID().toString().substring(0, 8);
        String password = "restart-" + UUID.randomUUID();
        call("POST", "/api/accounts", admin, "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, password), 201);
        String token = "Bearer " + call("POST", "/api/me/tokens", E2eAccounts.basic(username, password), "{\"name\":\"restart test\"}", 201)
                .get("secret").asString();

        String before = call("POST", "/api/tracker/applications", token, """
                {"company":"Restart Robotics","title":"Site Reliability Engineer","externalJobId":"RR-1","source":"company_site"}""", 201)
                .get("id").asString();
        call("POST", "/api/tracker/applications/" + before + "/status", token, "{\"status\":\"callback\"}", 200);
        call("POST", "/api/discovery/search-configs", token, "{\"searchTerm\":\"site reliability engineer\"}", 201);
        call("PUT", "/api/resumes/profile", token, "{\"name\":\"Rita Restart\",\"email\":\"rita@example.org\"}", 200);
        // the callback crossed Kafka to discovery and interview-prep before the restart
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(appliedJob(token, before).get("status").asString()).isEqualTo("callback");
            assertThat(call("GET", "/api/prep/applications/" + before, token, null, 200).get("status").asString()).isEqualTo("callback");
        });
        Map<String, JsonNode> snapshot = snapshot(token, before);

        RunningPlatform.restart();

        assertThat(snapshot(token, before)).as("everything read back after the restart").isEqualTo(snapshot);
        // and the event path still works end to end: a new application and its rejection reach discovery
        String after = call("POST", "/api/tracker/applications", token, """
                {"company":"Restart Robotics","title":"Platform Engineer","externalJobId":"RR-2","source":"company_site"}""", 201)
                .get("id").asString();
        call("POST", "/api/tracker/applications/" + after + "/status", token, "{\"status\":\"rejected\"}", 200);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(appliedJob(token, after).get("status").asString()).isEqualTo("rejected"));
    }

    private Map<String, JsonNode> snapshot(String token, String applicationId) throws Exception {
        Map<String, JsonNode> data = new LinkedHashMap<>();
        data.put("me", call("GET", "/api/me", token, null, 200));
        data.put("application", call("GET", "/api/tracker/applications/" + applicationId, token, null, 200));
        data.put("applications", call("GET", "/api/tracker/applications", token, null, 200));
        data.put("search configs", call("GET", "/api/discovery/search-configs", token, null, 200));
        data.put("applied jobs", call("GET", "/api/discovery/applied-jobs", token, null, 200));
        data.put("profile", call("GET", "/api/resumes/profile", token, null, 200));
        data.put("prep", call("GET", "/api/prep/applications/" + applicationId, token, null, 200));
        return data;
    }

    private JsonNode appliedJob(String token, String applicationId) throws Exception {
        for (JsonNode item : call("GET", "/api/discovery/applied-jobs", token, null, 200).get("items")) {
            if (applicationId.equals(item.get("applicationId").asString())) {
                return item;
            }
        }
        throw new AssertionError("application " + applicationId + " is not among discovery's applied jobs yet");
    }

    private JsonNode call(String method, String path, String authorization, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RunningPlatform.url() + path))
                .header("Authorization", authorization)
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(expected);
        return response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
    }
}
