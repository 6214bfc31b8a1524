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
 * stopped at JVM exit.
 */
final class RunningPlatform {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "e2e-" + UUID.randomUUID();
    static final int PORT_OFFSET = 10_000;

    private static LocalStack stack;

    private RunningPlatform() {
    }

    static synchronized String url() {
        if (stack == null) {
            Path root = Path.of("").toAbsolutePath().getParent();
            Path home = Path.of("target", "e2e-home").toAbsolutePath();
            deleteRecursively(home);
            Map<String, String> env = new HashMap<>();
            env.put("JOBSEARCH_HOME", home.toString());
            // beside a developer's own ./run-local (PostgreSQL 55432, Kafka 59092-59093)
            env.put("JOBSEARCH_PG_PORT", "55442");
            env.put("JOBSEARCH_KAFKA_PORT", "59102");
            env.put("JOBSEARCH_PORT_OFFSET", String.valueOf(PORT_OFFSET));
            env.put("JOBSEARCH_ADMIN_PASSWORD", ADMIN_PASSWORD);
            LocalStack started = new LocalStack(root, env);
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "e2e-platform-stop"));
            try {
                started.start();
            } catch (Exception e) {
                started.stop();
                throw new IllegalStateException("the local stack did not start; logs in " + home.resolve("logs"), e);
            }
            stack = started;
        }
        return stack.url();
    }

    static int servicePort(int port) {
        return port + PORT_OFFSET;
    }

    private static void deleteRecursively(Path dir) {
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
