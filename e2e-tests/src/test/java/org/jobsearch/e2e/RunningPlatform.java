package org.jobsearch.e2e;

import org.jobsearch.launcher.LocalStack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The whole platform exactly as {@code ./run-local} runs it (the same launcher), started once for
 * every end-to-end test in this JVM, on ports offset by 10000 and with a fresh data directory, and
 * stopped at JVM exit. Its discovery-service fetches Greenhouse boards from {@link FakeGreenhouse}.
 */
final class RunningPlatform {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "e2e-" + UUID.randomUUID();
    static final int PORT_OFFSET = 10_000;

    private static LocalStack stack;
    private static FakeGreenhouse greenhouse;
    private static Path stackRoot;
    private static Map<String, String> stackEnv;

    private RunningPlatform() {
    }

    static synchronized String url() {
        if (stack == null) {
            Path root = Path.of("").toAbsolutePath().getParent();
            Path home = Path.of("target", "e2e-home").toAbsolutePath();
            deleteRecursively(home);
            Map<String, String> env = new HashMap<>();
            env.put("JOBSEARCH_HOME", home.toString());
            // beside a developer's own ./run-local (PostgreSQL 25432, Kafka 29092-29093), and below the ephemeral
            // range (32768-60999), where any outgoing connection may hold the port: the stub-provider stack's Kafka
            // once failed to bind 59112 ("Address already in use") in a full build
            env.put("JOBSEARCH_PG_PORT", "25442");
            env.put("JOBSEARCH_KAFKA_PORT", "29102");
            env.put("JOBSEARCH_PORT_OFFSET", String.valueOf(PORT_OFFSET));
            env.put("JOBSEARCH_ADMIN_PASSWORD", ADMIN_PASSWORD);
            // discovery fetches Greenhouse boards from a fake in this JVM (the launcher passes these on)
            if (greenhouse == null) {
                greenhouse = FakeGreenhouse.start();
                Runtime.getRuntime().addShutdownHook(new Thread(greenhouse::close, "e2e-fake-greenhouse-stop"));
            }
            env.put("JOBSEARCH_ATS_EXTRA_ALLOWED_HOSTS", FakeGreenhouse.HOST);
            env.put("JOBSEARCH_DISCOVERY_ATS_BASEURLS_GREENHOUSE", greenhouse.baseUrl());
            env.put("JOBSEARCH_ATS_PAUSE_BETWEEN_REQUESTS", "0ms");
            env.put("JOBSEARCH_ATS_MAX_ATTEMPTS", "2");
            stackRoot = root;
            stackEnv = Map.copyOf(env);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                synchronized (RunningPlatform.class) {
                    if (stack != null) {
                        stack.stop();
                    }
                }
            }, "e2e-platform-stop"));
            stack = start();
        }
        return stack.url();
    }

    /**
     * Stops the whole stack the way Ctrl-C stops {@code ./run-local} (apps, then Kafka, then PostgreSQL)
     * and starts it again on the same data directory. Sessions end (they live in the gateway's memory);
     * accounts, tokens and every service's data stay.
     */
    static synchronized void restart() {
        url();
        stack.stop();
        stack = null;
        stack = start();
    }

    /**
     * Stops the shared stack if it runs, freeing its memory and CPU for a test that needs a stack of its own
     * ({@link StubProviderPlatform}); a later {@link #url()} would start a fresh one.
     */
    static synchronized void stopIfRunning() {
        if (stack != null) {
            stack.stop();
            stack = null;
        }
    }

    private static LocalStack start() {
        LocalStack started = new LocalStack(stackRoot, stackEnv);
        try {
            started.start();
        } catch (Exception e) {
            started.stop();
            throw new IllegalStateException("the local stack did not start; logs in "
                    + Path.of(stackEnv.get("JOBSEARCH_HOME")).resolve("logs"), e);
        }
        return started;
    }

    /** The Greenhouse board API the stack's discovery-service fetches from (started with the stack). */
    static synchronized FakeGreenhouse greenhouse() {
        url();
        return greenhouse;
    }

    static int servicePort(int port) {
        return port + PORT_OFFSET;
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException("cannot clear " + dir, e);
        }
    }
}
