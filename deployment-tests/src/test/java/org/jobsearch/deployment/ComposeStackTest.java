package org.jobsearch.deployment;

import org.jobsearch.deployment.Platform.App;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import tools.jackson.databind.json.JsonMapper;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * docker-compose.yml as a user runs it: images built from the apps' jars, PostgreSQL and Kafka from their
 * official images, secrets from the environment, every app healthy before the gateway starts. Driven through
 * the gateway like a script would. Needs a Docker engine (skipped without one) and the apps' jars (the reactor builds
 * them before this module).
 */
@Testcontainers(disabledWithoutDocker = true)
class ComposeStackTest {

    private static final String ADMIN_PASSWORD = "compose-" + UUID.randomUUID();
    private static ComposeContainer stack;
    private static String gateway;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

    @BeforeAll
    static void startTheStack() throws IOException {
        for (App app : Platform.APPS) {
            Path jar = Platform.ROOT.resolve(app.name()).resolve("target").resolve(app.name() + "-0.1.0-SNAPSHOT.jar");
            assertThat(jar).as("build the apps first: ./mvnw -B install -DskipTests").exists();
        }
        // a free port for the published UI, so a stack already on 8080 does not get in the way
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        SecureRandom random = new SecureRandom();
        Map<String, String> env = new HashMap<>();
        env.put("JOBSEARCH_IDENTITY_SIGNING_KEY", randomBase64(random, 48));
        env.put("JOBSEARCH_DB_PASSWORD", randomBase64(random, 24));
        env.put("JOBSEARCH_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("JOBSEARCH_HTTP_PORT", String.valueOf(port));
        File compose = Platform.ROOT.resolve("docker-compose.yml").toFile();
        // the local Compose v2 plugin where there is one, otherwise Compose in a container
        stack = (localComposeAvailable() ? new ComposeContainer(compose)
                : new ComposeContainer(DockerImageName.parse("docker:28"), compose))
                .withEnv(env)
                .withBuild(true)
                .withStartupTimeout(Duration.ofMinutes(10))
                // through Testcontainers' ambassador: works with a remote engine too, whatever the published address
                .withExposedService("gateway", 8080, Wait.forHealthcheck().withStartupTimeout(Duration.ofMinutes(10)));
        stack.start();
        gateway = "http://" + stack.getServiceHost("gateway", 8080) + ":" + stack.getServicePort("gateway", 8080);
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void everyAppIsReadyAndTheUiIsServed() throws Exception {
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(gateway + "/actuator/health/readiness")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("UP");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(gateway + "/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isIn(200, 302);
    }

    @Test
    void anApplicationCreatedAtTheTrackerReachesDiscoveryThroughKafka() throws Exception {
        String externalJobId = "COMPOSE-" + UUID.randomUUID();
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/tracker/applications"))
                .header("Authorization", basic)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"company":"Acme Robotics","title":"Platform Engineer","externalJobId":"%s","source":"company_site"}
                        """.formatted(externalJobId)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json.readTree(created.body()).get("id").asString();

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            HttpResponse<String> applied = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/discovery/applied-jobs"))
                    .header("Authorization", basic).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(applied.statusCode()).isEqualTo(200);
            List<String> ids = json.readTree(applied.body()).get("items").valueStream()
                    .map(item -> item.get("applicationId").asString()).toList();
            assertThat(ids).contains(id);
        });
    }

    @Test
    void requestsWithoutCredentialsAreRefused() throws Exception {
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/tracker/applications")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private static boolean localComposeAvailable() {
        return Tools.find("docker").map(docker -> {
            Tools.Result version = Tools.run(Platform.ROOT, Map.of(), List.of(docker.toString(), "compose", "version"));
            return version.exitCode() == 0;
        }).orElse(false);
    }

    private static String randomBase64(SecureRandom random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }
}
