package org.jobsearch.gateway.routing;

import org.jobsearch.gateway.GatewayIntegrationTest;
import org.jobsearch.gateway.GatewayTestData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's body limit ({@code jobsearch.gateway.max-body}, 4MB by default): larger bodies are refused with
 * 413 Problem Details whether they declare their length or arrive chunked, and never reach a service; bodies
 * within the limit are forwarded intact.
 */
class RequestBodyLimitTest extends GatewayIntegrationTest {

    private static final int LIMIT = 4 * 1024 * 1024;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aDeclaredBodyOverTheLimitIsRefusedWith413AndNeverForwarded() throws Exception {
        HttpResponse<String> response = send("POST", "/api/resumes/jobs", admin(),
                HttpRequest.BodyPublishers.ofByteArray(jsonOfSize(5 * 1024 * 1024)));

        assertTooLarge(response, "/api/resumes/jobs");
        assertThat(downstream.receivedNothing()).isTrue();
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413AndNeverForwarded() throws Exception {
        byte[] body = jsonOfSize(LIMIT + 1);
        HttpResponse<String> response = send("PUT", "/api/resumes/experience", admin(),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        assertTooLarge(response, "/api/resumes/experience");
        assertThat(downstream.receivedNothing()).isTrue();
    }

    @Test
    void anAnonymousCallerIsRefusedBeforeAnythingReadsItsBody() throws Exception {
        HttpResponse<String> response = send("POST", "/login", null,
                HttpRequest.BodyPublishers.ofByteArray(jsonOfSize(5 * 1024 * 1024)));

        assertTooLarge(response, "/login");
    }

    @Test
    void bodiesWithinTheLimitReachTheServiceIntact() throws Exception {
        byte[] declared = jsonOfSize(LIMIT);
        HttpResponse<String> response = send("POST", "/api/tracker/jobs", admin(), HttpRequest.BodyPublishers.ofByteArray(declared));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(downstream.takeRequest().body().getBytes(StandardCharsets.UTF_8)).isEqualTo(declared);

        byte[] chunked = jsonOfSize(LIMIT - 10);
        response = send("POST", "/api/tracker/jobs", admin(),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(chunked)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(downstream.takeRequest().body().getBytes(StandardCharsets.UTF_8)).isEqualTo(chunked);
    }

    private void assertTooLarge(HttpResponse<String> response, String path) {
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(413);
        assertThat(problem.path("detail").asString()).contains(String.valueOf(LIMIT));
        assertThat(problem.path("instance").asString()).isEqualTo(path);
    }

    private HttpResponse<String> send(String method, String path, String authorization, HttpRequest.BodyPublisher body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String admin() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + GatewayTestData.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON document of exactly {@code size} bytes: {"jdText":"aaaa…"}. */
    private static byte[] jsonOfSize(int size) {
        byte[] prefix = "{\"jdText\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'a');
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[size - 2] = '"';
        body[size - 1] = '}';
        return body;
    }
}
