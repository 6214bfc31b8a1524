package org.jobsearch.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8: secrets come from the deployment's configuration and are never logged nor returned. The whole stack runs
 * with known secrets: the launcher's database password and signing key (its secrets.properties), the administrator's
 * password from {@code JOBSEARCH_ADMIN_PASSWORD}, and an LLM API key and a previous signing key from the environment
 * (e2e-tests' pom). After start-up and requests that fail in many ways (wrong passwords, forged tokens, bad input,
 * internal endpoints), no app's log holds one, no API answer carries one, and no app exposes its environment or
 * configuration on the actuator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretsNeverLoggedE2ETest {

    private static final List<Integer> SERVICE_PORTS = List.of(8081, 8082, 8083, 8084);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, String> secrets = new LinkedHashMap<>();
    private final List<HttpResponse<String>> answers = new ArrayList<>();
    private String gateway;
    private String basicAdmin;
    private String basicUser;

    @BeforeAll
    void platformWithKnownSecrets() throws Exception {
        gateway = RunningPlatform.url();
        Path home = Path.of("target", "e2e-home").toAbsolutePath();
        Properties launcherSecrets = new Properties();
        try (InputStream in = Files.newInputStream(home.resolve("secrets.properties"))) {
            launcherSecrets.load(in);
        }
        secrets.put("database password", launcherSecrets.getProperty("db.password"));
        secrets.put("signing key", launcherSecrets.getProperty("identity.signing-key"));
        secrets.put("admin password", RunningPlatform.ADMIN_PASSWORD);
        secrets.put("LLM API key", System.getenv("JOBSEARCH_LLM_API_KEY"));
        secrets.put("previous signing key", System.getenv("JOBSEARCH_IDENTITY_PREVIOUS_SIGNING_KEYS"));
        secrets.forEach((kind, value) -> assertThat(value).as("the %s the platform runs with", kind).isNotBlank().hasSizeGreaterThan(15));

        basicAdmin = E2eAccounts.basic(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);
        String user = "sec-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "sec-" + UUID.randomUUID();
        HttpResponse<String> created = call(basicAdmin, "POST", gateway + "/api/accounts",
                "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        basicUser = E2eAccounts.basic(user, password);
    }

    @Test
    void noAppLogsOrReturnsASecretThroughStartUpRequestsAndFailures() throws Exception {
        // failures of every kind, each a chance to log what it was given
        answers.add(call(E2eAccounts.basic(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD + "x"), "GET", gateway + "/api/me", null));
        answers.add(call(E2eAccounts.basic("nobody", RunningPlatform.ADMIN_PASSWORD), "GET", gateway + "/api/me", null));
        answers.add(call("Bearer " + secrets.get("signing key"), "GET", gateway + "/api/tracker/applications", null));
        answers.add(call("Bearer jst_" + secrets.get("LLM API key"), "GET", gateway + "/api/me", null));
        answers.add(call(basicUser, "POST", gateway + "/api/me/password",
                "{\"currentPassword\":\"" + RunningPlatform.ADMIN_PASSWORD + "\",\"newPassword\":\"short\"}"));
        answers.add(call(basicAdmin, "POST", gateway + "/api/accounts", "{\"username\":\"x\",\"password\":\"short\"}"));
        answers.add(call(basicUser, "POST", gateway + "/api/resumes/jobs", "{\"jdText\": "));
        answers.add(call(basicUser, "PUT", gateway + "/api/tracker/settings", "{\"minSalaryBase\":\"lots\"}"));
        answers.add(call(basicUser, "GET", gateway + "/api/resumes/" + UUID.randomUUID(), null));
        for (int port : SERVICE_PORTS) {
            String service = "http://localhost:" + RunningPlatform.servicePort(port);
            // a forged identity token straight at a service: signed with a key of our own, and with no key at all
            answers.add(call("Bearer " + forgedToken(), "GET", service + "/actuator/health", null));
            answers.add(call("Bearer " + forgedToken(), "GET", service + "/api/tracker/applications", null));
            answers.add(call(null, "GET", service + "/api/resumes/experience", null));
        }
        // every read a user and the administrator can make without ids: none may carry a secret
        for (int port : SERVICE_PORTS) {
            for (String path : getPathsWithoutVariables(port)) {
                answers.add(call(path.contains("/admin/") ? basicAdmin : basicUser, "GET", gateway + path
                        + (path.endsWith("/metrics/deep-dive") ? "?dimension=role" : ""), null));
            }
        }
        for (String path : List.of("/api/me", "/api/me/tokens", "/api/accounts", "/csrf", "/actuator/health", "/actuator/info")) {
            answers.add(call(basicAdmin, "GET", gateway + path, null));
        }
        answers.add(call(basicAdmin, "POST", gateway + "/api/me/tokens", "{\"name\":\"secret-check\"}"));

        List<String> found = new ArrayList<>();
        for (HttpResponse<String> answer : answers) {
            String text = answer.body() + " " + answer.headers().map();
            secrets.forEach((kind, value) -> {
                if (text.contains(value)) {
                    found.add(kind + " in the answer to " + answer.request().method() + " " + answer.request().uri());
                }
            });
        }
        List<Path> logs;
        try (Stream<Path> files = Files.list(Path.of("target", "e2e-home", "logs"))) {
            logs = files.filter(f -> f.toString().endsWith(".log")).sorted().toList();
        }
        assertThat(logs.stream().map(p -> p.getFileName().toString()))
                .contains("gateway.log", "discovery-service.log", "resume-service.log", "tracker-service.log",
                        "interview-prep-service.log");
        for (Path log : logs) {
            String content = Files.readString(log, StandardCharsets.ISO_8859_1);
            if (log.getFileName().toString().endsWith("service.log") || log.getFileName().toString().equals("gateway.log")) {
                assertThat(content).as("%s was written", log).contains("Started");
            }
            secrets.forEach((kind, value) -> {
                if (content.contains(value)) {
                    found.add(kind + " in " + log.getFileName());
                }
            });
        }
        assertThat(found).as("secrets found (%d answers and %d logs searched)", answers.size(), logs.size()).isEmpty();
        assertThat(answers).hasSizeGreaterThan(30);
    }

    @Test
    void noAppExposesItsEnvironmentOrConfigurationOnTheActuator() throws Exception {
        List<String> internal = List.of("/actuator/env", "/actuator/configprops", "/actuator/beans", "/actuator/heapdump",
                "/actuator/threaddump", "/actuator/loggers", "/actuator/mappings");
        for (String path : internal) {
            assertThat(call(basicUser, "GET", gateway + path, null).statusCode()).as("a user at the gateway: %s", path)
                    .isEqualTo(403);
            assertThat(call(basicAdmin, "GET", gateway + path, null).statusCode()).as("the admin at the gateway: %s", path)
                    .isEqualTo(404);
            for (int port : SERVICE_PORTS) {
                String uri = "http://localhost:" + RunningPlatform.servicePort(port) + path;
                HttpResponse<String> r = call(null, "GET", uri, null);
                assertThat(r.statusCode()).as("GET %s", uri).isIn(401, 403, 404);
                secrets.values().forEach(secret -> assertThat(r.body()).doesNotContain(secret));
            }
        }
        for (int port : SERVICE_PORTS) {
            HttpResponse<String> health = call(null, "GET", "http://localhost:" + RunningPlatform.servicePort(port)
                    + "/actuator/health", null);
            assertThat(health.statusCode()).isEqualTo(200);
            JsonNode links = json.readTree(call(null, "GET", "http://localhost:" + RunningPlatform.servicePort(port)
                    + "/actuator", null).body()).path("_links");
            List<String> exposed = new ArrayList<>();
            links.propertyNames().forEach(exposed::add);
            assertThat(exposed).as("actuator endpoints of the service on %d", port)
                    .allMatch(name -> name.equals("self") || name.startsWith("health") || name.equals("info")
                            || name.equals("prometheus"));
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private List<String> getPathsWithoutVariables(int port) throws Exception {
        HttpResponse<String> doc = call(null, "GET", "http://localhost:" + RunningPlatform.servicePort(port) + "/v3/api-docs", null);
        assertThat(doc.statusCode()).isEqualTo(200);
        List<String> paths = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : json.readTree(doc.body()).path("paths").properties()) {
            if (!path.getKey().contains("{") && path.getValue().has("get")) {
                paths.add(path.getKey());
            }
        }
        assertThat(paths).isNotEmpty();
        return paths;
    }

    /** An identity token for the administrator, signed with a key of this test's own. */
    private static String forgedToken() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"sub\":\"" + UUID.randomUUID() + "\",\"name\":\"admin\",\"roles\":[\"ADMIN\"],"
                + "\"iss\":\"jobsearch-gateway\",\"aud\":\"jobsearch-services\",\"exp\":" + (System.currentTimeMillis() / 1000 + 300)
                + "}").getBytes(StandardCharsets.UTF_8));
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec("forged-key-forged-key-forged-key!".getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256"));
            return header + "." + claims + "." + b64.encodeToString(mac.doFinal((header + "." + claims)
                    .getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> call(String auth, String method, String uri, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(20));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (body == null && method.equalsIgnoreCase("GET")) {
            b.GET();
        } else {
            b.method(method.toUpperCase(Locale.ROOT), body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
        }
    }
}
