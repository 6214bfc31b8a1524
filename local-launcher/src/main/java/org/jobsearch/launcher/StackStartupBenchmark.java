package org.jobsearch.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Start-up time and memory of the whole local stack (embedded PostgreSQL, the Kafka broker process,
 * the five apps), already built, exactly as {@code ./run-local} starts it, against the targets of
 * issue 10: ready in under 90 s and under 3 GiB resident. Two starts: on a fresh data directory
 * (PostgreSQL initdb, Kafka storage format, every Flyway migration) and a restart on that data.
 * Memory is read from /proc once the stack is ready and has idled for 15 s: proportional set size
 * (PSS, shared pages split between the processes sharing them, so PostgreSQL's shared buffers count
 * once) and plain RSS, per component. Then the CPU the idle stack uses over 30 s (user + system time from
 * /proc), per component; a third start, on the same data, runs the services' relays at the library's 10 ms poll
 * interval instead of the launcher's 50 ms, for the idle CPU side by side.
 *
 * <pre>
 * ./mvnw -B -q install -DskipTests
 * java -cp "local-launcher/target/classes:local-launcher/target/lib/*" org.jobsearch.launcher.StackStartupBenchmark
 * </pre>
 * Ports: offset 20000 (gateway 28080), PostgreSQL 25462, Kafka 29122, so it runs beside ./run-local.
 */
public final class StackStartupBenchmark {

    private static final double TARGET_SECONDS = 90;
    private static final double TARGET_BYTES = 3L * 1024 * 1024 * 1024;

    private StackStartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Path home = Files.createTempDirectory("stack-startup-bench");
        Map<String, String> env = new HashMap<>();
        env.put("JOBSEARCH_HOME", home.toString());
        env.put("JOBSEARCH_PG_PORT", "25462");
        env.put("JOBSEARCH_KAFKA_PORT", "29122");
        env.put("JOBSEARCH_PORT_OFFSET", "20000");
        env.put("JOBSEARCH_ADMIN_PASSWORD", "bench-" + System.nanoTime());
        System.out.printf("Local stack start-up: %d CPUs, %s, JDK %s; data in %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), System.getProperty("java.version"), home);
        System.out.println("Targets (issue 10): ready < 90 s, resident < 3 GiB. Apps: -Xmx256m each (the launcher's default).");
        try {
            run("fresh data directory", root, env, home);
            double launcherIdle = run("restart on existing data", root, env, home);
            Map<String, String> libraryPolling = new HashMap<>(env);
            libraryPolling.put("JOBSEARCH_MESSAGING_RELAY_POLLINTERVAL", "10ms");
            double libraryIdle = run("restart, relays at the library's 10 ms poll interval", root, libraryPolling, home);
            System.out.printf("%nidle CPU, launcher's 50 ms relay polling / library's 10 ms: %.1f %% / %.1f %% of one core = %.2fx%n",
                    launcherIdle, libraryIdle, launcherIdle / libraryIdle);
        } finally {
            deleteRecursively(home);
        }
    }

    /** Starts, measures and stops the stack; returns the idle CPU in % of one core. */
    private static double run(String label, Path root, Map<String, String> env, Path home) throws Exception {
        LocalStack stack = new LocalStack(root, env);
        long begin = System.nanoTime();
        try {
            stack.start();
            double seconds = (System.nanoTime() - begin) / 1e9;
            Thread.sleep(15_000);   // let start-up garbage and JIT settle before reading memory
            Map<String, long[]> memory = memory(home);
            long pss = memory.values().stream().mapToLong(m -> m[0]).sum();
            long rss = memory.values().stream().mapToLong(m -> m[1]).sum();
            System.out.printf("%n== %s ==%n", label);
            System.out.printf("ready in %.1f s  -> %.2fx the 90 s target%n", seconds, seconds / TARGET_SECONDS);
            memory.forEach((component, m) -> System.out.printf("  %-24s PSS %7.0f MiB   RSS %7.0f MiB   (%d processes)%n",
                    component, m[0] / 1048576.0, m[1] / 1048576.0, m[2]));
            System.out.printf("resident total: PSS %.0f MiB -> %.2fx the 3 GiB target (RSS sum %.0f MiB, counts shared pages per process)%n",
                    pss / 1048576.0, pss / TARGET_BYTES, rss / 1048576.0);
            Map<String, Double> idle = idleCpu(home, 30);
            idle.forEach((component, percent) -> System.out.printf("  %-24s idle CPU %5.1f %% of one core%n", component, percent));
            double total = idle.values().stream().mapToDouble(Double::doubleValue).sum();
            System.out.printf("idle CPU over 30 s (relay poll interval %s): %.1f %% of one core%n",
                    env.getOrDefault("JOBSEARCH_MESSAGING_RELAY_POLLINTERVAL", "50ms, the launcher's"), total);
            return total;
        } finally {
            stack.stop();
        }
    }

    /** component -> % of one core used over {@code seconds} (user + system time of its processes). */
    private static Map<String, Double> idleCpu(Path home, int seconds) throws IOException, InterruptedException {
        Map<Long, String> processes = stackProcesses(home);
        Map<Long, Long> before = new HashMap<>();
        processes.keySet().forEach(pid -> before.put(pid, cpuTicks(pid)));
        Thread.sleep(seconds * 1000L);
        Map<String, Double> byComponent = new java.util.LinkedHashMap<>();
        // /proc counts in clock ticks, 100 per second on Linux (USER_HZ)
        processes.forEach((pid, component) -> byComponent.merge(component,
                (cpuTicks(pid) - before.get(pid)) / (double) seconds, Double::sum));
        return byComponent;
    }

    /** User + system time in clock ticks (fields 14 and 15 of /proc/pid/stat, after the command in parentheses). */
    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended meanwhile
        }
    }

    /** pid -> component, for every process of the stack. */
    private static Map<Long, String> stackProcesses(Path home) throws IOException {
        Map<Long, String> found = new java.util.LinkedHashMap<>();
        List<ProcessHandle> processes = new ArrayList<>(ProcessHandle.current().descendants().toList());
        postmaster(home).ifPresent(pid -> ProcessHandle.of(pid).ifPresent(pm -> {
            processes.add(pm);
            processes.addAll(pm.descendants().toList());
        }));
        for (ProcessHandle process : processes) {
            if (found.containsKey(process.pid()) || !process.isAlive()) {
                continue;
            }
            String component = component(process.info().commandLine().orElse(""));
            if (component != null) {
                found.put(process.pid(), component);
            }
        }
        return found;
    }

    /** component -> {pss bytes, rss bytes, processes} */
    private static Map<String, long[]> memory(Path home) throws IOException {
        Map<String, long[]> byComponent = new java.util.LinkedHashMap<>();
        stackProcesses(home).forEach((pid, component) -> {
            long[] m = byComponent.computeIfAbsent(component, c -> new long[3]);
            m[0] += kib(Path.of("/proc", String.valueOf(pid), "smaps_rollup"), "Pss:") * 1024;
            m[1] += kib(Path.of("/proc", String.valueOf(pid), "status"), "VmRSS:") * 1024;
            m[2]++;
        });
        return byComponent;
    }

    private static String component(String command) {
        // Kafka's class path names the PostgreSQL driver jars too: recognise it first
        if (command.contains("kafka.Kafka")) {
            return "kafka";
        }
        for (String app : List.of("gateway", "discovery-service", "resume-service", "tracker-service", "interview-prep-service")) {
            if (command.contains("/" + app + "-")) {
                return app;
            }
        }
        return command.contains("postgres") ? "postgresql" : null;
    }

    private static Optional<Long> postmaster(Path home) throws IOException {
        Path pidFile = home.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        return Files.readAllLines(pidFile).stream().findFirst().map(String::trim).map(Long::parseLong);
    }

    private static long kib(Path file, String field) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended meanwhile
        }
        return 0;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
