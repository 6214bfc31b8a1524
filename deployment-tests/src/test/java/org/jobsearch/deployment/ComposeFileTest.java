package org.jobsearch.deployment;

import org.jobsearch.deployment.Platform.App;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml against the apps: every app present with the image, port, environment and health
 * check its own sources call for; PostgreSQL and Kafka set up the way the outbox relays need; no secret
 * in the file; and Debian's docker-compose accepts it.
 */
class ComposeFileTest {

    private static final Path COMPOSE = Platform.ROOT.resolve("docker-compose.yml");
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

    private final Map<String, Object> compose = load();

    @Test
    void everyAppRunsItsImageBuiltFromTheSharedDockerfile() {
        assertThat(services().keySet()).containsAll(Platform.APPS.stream().map(App::name).toList())
                .contains("postgres", "kafka");
        for (App app : Platform.APPS) {
            Map<String, Object> service = service(app.name());
            assertThat(resolve((String) service.get("image"))).as("%s image", app.name()).isEqualTo(app.image());
            Map<String, Object> build = map(service.get("build"));
            assertThat(build.get("context")).as("%s build context", app.name()).isEqualTo(".");
            assertThat(build.get("dockerfile")).as("%s Dockerfile", app.name()).isEqualTo("deploy/Dockerfile");
            Map<String, Object> args = map(build.get("args"));
            assertThat(String.valueOf(args.get("APP"))).isEqualTo(app.name());
            assertThat(String.valueOf(args.get("PORT"))).as("%s port", app.name()).isEqualTo(String.valueOf(app.port()));
            assertThat(service).as("%s memory limit", app.name()).containsKey("mem_limit");
            assertThat(service.get("restart")).as("%s restart policy", app.name()).isEqualTo("unless-stopped");
        }
    }

    @Test
    void everyEnvironmentVariableIsOneTheAppReadsAndNoneItNeedsIsMissing() {
        for (App app : Platform.APPS) {
            Set<String> set = environment(app.name()).keySet();
            assertThat(app.placeholders().keySet()).as("variables %s reads", app.name()).containsAll(set);
            assertThat(set).as("variables %s needs", app.name()).containsAll(app.requiredEnv());
        }
    }

    @Test
    void appsFindPostgresKafkaAndEachOtherByServiceName() {
        List<String> initScript = List.of(Platform.read(Platform.ROOT.resolve("deploy/postgres/init-databases.sh")).split("\n"));
        for (App app : Platform.APPS) {
            Map<String, String> env = environment(app.name());
            assertThat(env.get("JOBSEARCH_DB_URL")).isEqualTo("jdbc:postgresql://postgres:5432/" + app.database());
            assertThat(initScript).as("the init script creates %s's database", app.name())
                    .contains("create database " + app.database() + " owner jobsearch;");
            assertThat(env.get("JOBSEARCH_DB_USER")).isEqualTo("jobsearch");
            if (app.placeholders().containsKey("JOBSEARCH_KAFKA_BOOTSTRAP")) {
                assertThat(env.get("JOBSEARCH_KAFKA_BOOTSTRAP")).isEqualTo("kafka:9092");
            }
        }
        assertThat(initScript).contains("create role jobsearch login replication password :'pw';");
        Map<String, String> gateway = environment("gateway");
        for (App app : Platform.APPS) {
            String routeVariable = switch (app.name()) {
                case "discovery-service" -> "JOBSEARCH_DISCOVERY_URL";
                case "resume-service" -> "JOBSEARCH_RESUME_URL";
                case "tracker-service" -> "JOBSEARCH_TRACKER_URL";
                case "interview-prep-service" -> "JOBSEARCH_PREP_URL";
                default -> null;
            };
            if (routeVariable != null) {
                assertThat(gateway.get(routeVariable)).isEqualTo("http://" + app.name() + ":" + app.port());
            }
        }
        Map<String, String> kafka = environment("kafka");
        assertThat(kafka.get("KAFKA_ADVERTISED_LISTENERS")).isEqualTo("PLAINTEXT://kafka:9092");
        assertThat(kafka.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
    }

    @Test
    void healthChecksAskTheActuatorOnTheAppPortAndStartOrderFollowsThem() {
        for (App app : Platform.APPS) {
            Map<String, Object> healthcheck = map(service(app.name()).get("healthcheck"));
            String test = String.join(" ", strings(healthcheck.get("test")));
            assertThat(test).as("%s health check", app.name())
                    .contains("http://127.0.0.1:" + app.port() + "/actuator/health/readiness");
            assertThat(healthcheck).containsKeys("interval", "timeout", "retries", "start_period")
                    // Compose v1 (and older engines) reject it
                    .doesNotContainKey("start_interval");
            Map<String, Object> dependsOn = map(service(app.name()).get("depends_on"));
            assertThat(dependsOn).as("%s depends on", app.name()).containsKey("postgres");
            if (app.placeholders().containsKey("JOBSEARCH_KAFKA_BOOTSTRAP")) {
                assertThat(dependsOn).containsKey("kafka");
            }
            if (app.isGateway()) {
                assertThat(dependsOn.keySet()).containsAll(Platform.APPS.stream().filter(a -> !a.isGateway()).map(App::name).toList());
            }
            dependsOn.forEach((dependency, condition) -> {
                assertThat(map(condition).get("condition")).as("%s → %s", app.name(), dependency).isEqualTo("service_healthy");
                assertThat(service(dependency)).as("%s has a health check", dependency).containsKey("healthcheck");
            });
        }
        assertThat(String.join(" ", strings(map(service("postgres").get("healthcheck")).get("test"))))
                .as("TCP, so the image's socket-only first-start server does not count as ready")
                .contains("-h 127.0.0.1");
    }

    @Test
    void theUiIsOnLocalhost8080AndNothingElseIsPublished() {
        services().forEach((name, service) -> {
            if (!name.equals("gateway")) {
                assertThat(map(service)).as("%s publishes no port", name).doesNotContainKey("ports");
            }
        });
        List<String> ports = strings(service("gateway").get("ports"));
        assertThat(ports).hasSize(1);
        assertThat(resolve(ports.get(0))).isEqualTo("127.0.0.1:8080:8080");
    }

    @Test
    void dataLivesInNamedVolumesAndPostgresWritesLogicalWal() {
        Map<String, Object> volumes = map(compose.get("volumes"));
        assertThat(strings(service("postgres").get("volumes")))
                // PostgreSQL 18 images keep PGDATA in a versioned directory under /var/lib/postgresql
                .contains("postgres-data:/var/lib/postgresql")
                .contains("./deploy/postgres/init-databases.sh:/docker-entrypoint-initdb.d/init-databases.sh:ro");
        assertThat(strings(service("kafka").get("volumes"))).contains("kafka-data:" + environment("kafka").get("KAFKA_LOG_DIRS"));
        assertThat(volumes).containsKeys("postgres-data", "kafka-data");
        assertThat(String.join(" ", strings(service("postgres").get("command")))).contains("wal_level=logical");
        assertThat(service("postgres").get("image")).isEqualTo("postgres:18");
        assertThat(service("kafka").get("image")).isEqualTo("apache/kafka:4.1.2");
        assertThat(Platform.read(Platform.ROOT.resolve("k8s/overlays/local/init-databases.sh")))
                .as("k8s's local overlay runs the same init script")
                .isEqualTo(Platform.read(Platform.ROOT.resolve("deploy/postgres/init-databases.sh")));
    }

    @Test
    void secretsComeFromTheEnvironmentAndAreRequiredWithoutDefault() throws IOException {
        Set<String> secretVariables = new TreeSet<>();
        services().forEach((name, service) -> environment(name).forEach((variable, value) -> {
            if (Platform.isSecret(variable)) {
                String raw = String.valueOf(rawEnvironment(name).get(variable));
                Matcher m = INTERPOLATION.matcher(raw);
                assertThat(m.matches()).as("%s of %s is ${...} from .env, not a value: %s", variable, name, raw).isTrue();
                assertThat(m.group(2)).as("%s of %s: required (:?) or empty (:-)", variable, name).isIn(":?", ":-");
                if (m.group(2).equals(":-")) {
                    assertThat(m.group(3)).as("no default secret for %s", variable).isEmpty();
                }
                secretVariables.add(m.group(1));
            }
        }));
        assertThat(secretVariables).contains("JOBSEARCH_IDENTITY_SIGNING_KEY", "JOBSEARCH_DB_PASSWORD");
        Map<String, String> example = envFile(Platform.ROOT.resolve(".env.example"));
        assertThat(example.keySet()).as(".env.example names every secret").containsAll(secretVariables);
        secretVariables.forEach(variable -> assertThat(example.get(variable)).as("%s in .env.example", variable).isEmpty());
        assertThat(Files.readAllLines(Platform.ROOT.resolve(".gitignore"))).contains(".env");
    }

    @Test
    void theImageRecipeIsMultiStageNonRootWithAHealthCheckAndContainerAwareMemory() {
        String dockerfile = Platform.read(Platform.ROOT.resolve("deploy/Dockerfile"));
        List<String> from = dockerfile.lines().filter(l -> l.startsWith("FROM ")).toList();
        assertThat(from).hasSize(2);
        assertThat(dockerfile).contains("ARG JAVA_IMAGE=eclipse-temurin:21-jre-alpine")
                .contains("COPY ${APP}/target/${APP}-${APP_VERSION}.jar app.jar")
                .contains("-Djarmode=tools -jar app.jar extract --layers --launcher")
                .contains("USER 10001:10001")
                .contains("-XX:MaxRAMPercentage=")
                .contains("-XX:+ExitOnOutOfMemoryError")
                .contains("ENV SERVER_PORT=${PORT}")
                .contains("HEALTHCHECK ")
                .contains("/actuator/health/readiness")
                .contains("ENTRYPOINT [\"java\", \"org.springframework.boot.loader.launch.JarLauncher\"]");
        String dockerignore = Platform.read(Platform.ROOT.resolve(".dockerignore"));
        for (App app : Platform.APPS) {
            assertThat(dockerignore).as("the build context carries %s's jar", app.name())
                    .contains("!" + app.name() + "/target/" + app.name() + "-*.jar");
        }
        String script = Platform.read(Platform.ROOT.resolve("deploy/build-images.sh"));
        for (App app : Platform.APPS) {
            assertThat(script).contains("[" + app.name() + "]=" + app.port());
        }
    }

    @Test
    void debiansDockerComposeAcceptsTheFileAndRefusesToRunWithoutSecrets(@TempDir Path tmp) throws IOException {
        Path binary = Tools.require("docker-compose", "apt-get install -y --no-install-recommends docker-compose");
        // an empty env file: a developer's real .env never takes part
        Path envFile = Files.writeString(tmp.resolve("empty.env"), "");
        List<String> config = List.of(binary.toString(), "--env-file", envFile.toString(), "-f", COMPOSE.toString(), "config");

        Tools.Result withoutSecrets = Tools.run(Platform.ROOT, Map.of(), config);
        assertThat(withoutSecrets.exitCode()).as(withoutSecrets.stderr()).isNotZero();
        assertThat(withoutSecrets.stderr()).contains("set it in .env");

        Map<String, String> secrets = Map.of("JOBSEARCH_IDENTITY_SIGNING_KEY", "bGludC1vbmx5LWtleS1ub3QtYS1yZWFsLXNlY3JldC0xMjM0NTY3OA==",
                "JOBSEARCH_DB_PASSWORD", "lint-only");
        Tools.Result lint = Tools.run(Platform.ROOT, secrets, config);
        assertThat(lint.exitCode()).as("docker-compose config:\n%s", lint.stderr()).isZero();
        Map<String, Object> resolved = new Yaml().load(lint.stdout());
        Map<String, Object> services = map(resolved.get("services"));
        for (App app : Platform.APPS) {
            Map<String, Object> service = map(services.get(app.name()));
            assertThat(service.get("image")).isEqualTo(app.image());
            assertThat(map(service.get("environment")).keySet()).as("%s after Compose's own merge", app.name())
                    .isEqualTo(environment(app.name()).keySet());
        }
    }

    // --- reading the file -------------------------------------------------------------------------

    private static Map<String, Object> load() {
        return new Yaml().load(Platform.read(COMPOSE));
    }

    private Map<String, Object> services() {
        return map(compose.get("services"));
    }

    private Map<String, Object> service(String name) {
        Object service = services().get(name);
        assertThat(service).as("service %s in docker-compose.yml", name).isNotNull();
        return map(service);
    }

    private Map<String, Object> rawEnvironment(String name) {
        Object environment = service(name).get("environment");
        return environment == null ? Map.of() : map(environment);
    }

    /** The service's environment with Compose's defaults applied ({@code ${X:-d}} → d; required → "<required>"). */
    private Map<String, String> environment(String name) {
        Map<String, String> env = new LinkedHashMap<>();
        rawEnvironment(name).forEach((k, v) -> env.put(k, resolve(String.valueOf(v))));
        return env;
    }

    /** Compose interpolation with an empty environment. */
    static String resolve(String value) {
        Matcher m = INTERPOLATION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String op = m.group(2);
            String replacement = op == null ? "" : op.endsWith("?") ? "<required>" : m.group(3);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    static Map<String, String> envFile(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#") && l.contains("="))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1),
                        (a, b) -> b, LinkedHashMap::new));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    static List<String> strings(Object value) {
        if (value instanceof String s) {
            return List.of(s);
        }
        assertThat(value).isInstanceOf(List.class);
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }
}
