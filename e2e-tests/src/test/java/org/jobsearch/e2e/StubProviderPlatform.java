package org.jobsearch.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A second whole stack, the launcher's, run in a child JVM because its apps inherit their environment from the
 * launcher's process: there {@code JOBSEARCH_LLM_PROVIDER=anthropic} with the base URL of a provider stub, so
 * resume-service and interview-prep-service call the real langchain4j Anthropic client. The shared
 * {@link RunningPlatform} keeps the offline provider the other end-to-end tests rely on (the provider is deployment
 * configuration, not a per-user setting). Own data directory and ports (PostgreSQL 25452, Kafka 29112, apps
 * 19080-19084), the same administrator password; retries bounded by {@value #MAX_RETRIES} with short back-offs.
 */
final class StubProviderPlatform implements AutoCloseable {

    static final int PORT_OFFSET = 11_000;
    static final int MAX_RETRIES = 2;

    private final Process launcher;
    private final Path home;
    private final Path log;

    private StubProviderPlatform(Process launcher, Path home, Path log) {
        this.launcher = launcher;
        this.home = home;
        this.log = log;
    }

    /** Starts the stack and waits until every app is ready. */
    static StubProviderPlatform start(String anthropicBaseUrl) {
        Path root = Path.of("").toAbsolutePath().getParent();
        Path home = Path.of("target", "e2e-home-stub-llm").toAbsolutePath();
        Path log = Path.of("target", "e2e-stub-llm-launcher.log").toAbsolutePath();
        RunningPlatform.deleteRecursively(home);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "org.jobsearch.launcher.LocalStack")
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("JOBSEARCH_HOME", home.toString());
        env.put("JOBSEARCH_PG_PORT", "25452");
        env.put("JOBSEARCH_KAFKA_PORT", "29112");
        env.put("JOBSEARCH_PORT_OFFSET", String.valueOf(PORT_OFFSET));
        env.put("JOBSEARCH_ADMIN_PASSWORD", RunningPlatform.ADMIN_PASSWORD);
        env.put("JOBSEARCH_LLM_PROVIDER", "anthropic");
        env.put("JOBSEARCH_LLM_BASE_URL", anthropicBaseUrl);
        env.remove("JOBSEARCH_LLM_MODEL"); // the default, claude-sonnet-4-5, with its built-in price
        // the API key comes from the surefire configuration (sk-e2e-never-logged-…), as for the shared stack
        env.put("JOBSEARCH_LLM_MAXRETRIES", String.valueOf(MAX_RETRIES));
        env.put("JOBSEARCH_LLM_RETRYINITIALDELAY", "200ms");
        env.put("JOBSEARCH_LLM_RETRYMAXDELAY", "1s");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("the stub-provider stack's launcher did not start", e);
        }
        StubProviderPlatform platform = new StubProviderPlatform(process, home, log);
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "e2e-stub-llm-platform-stop"));
        platform.awaitUp();
        return platform;
    }

    /** The apps', Kafka's and PostgreSQL's logs. */
    Path logs() {
        return home.resolve("logs");
    }

    Path launcherLog() {
        return log;
    }

    String url() {
        return "http://localhost:" + (8080 + PORT_OFFSET);
    }

    private void awaitUp() {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(6);
        while (System.nanoTime() < deadline) {
            String output = output();
            if (output.contains("Job Search platform is up")) {
                return;
            }
            if (!launcher.isAlive()) {
                throw new IllegalStateException("the stub-provider stack did not start (launcher exit "
                        + launcher.exitValue() + "); see " + log + " and target/e2e-home-stub-llm/logs:\n" + output);
            }
            try {
                launcher.waitFor(500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("the stub-provider stack was not up within 6 minutes; see " + log);
    }

    private String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** SIGTERM to the launcher: its shutdown hook stops the apps, then Kafka, then PostgreSQL. */
    @Override
    public synchronized void close() {
        if (!launcher.isAlive()) {
            return;
        }
        launcher.destroy();
        try {
            if (!launcher.waitFor(150, TimeUnit.SECONDS)) {
                launcher.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
