package org.jobsearch.benchmarks;

import org.jobsearch.identity.CurrentUser;
import org.jobsearch.identity.IdentityProperties;
import org.jobsearch.identity.IdentityTokenSigner;
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
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Gateway overhead (issue 10): the same database-backed list request — {@code GET
 * /api/tracker/applications?size=20} for a user with 50 applications — sent by {@code wrk} through the
 * gateway with a personal API token, and straight to tracker-service with a valid identity token, on
 * the whole local stack started as {@code ./run-local} starts it. Prints p50, p99 and requests/s of
 * both paths and the ratios against the targets (p99 ≤ 1.5× direct, throughput ≥ 0.6× direct).
 *
 * <pre>
 * ./mvnw -B -q install -DskipTests   # and: apt-get install wrk
 * ./mvnw -B -q -pl benchmarks exec:java -Dexec.mainClass=org.jobsearch.benchmarks.GatewayOverheadBenchmark
 * </pre>
 * Options: {@code -Dbench.duration=20s}, {@code -Dbench.connections=8}, {@code -Dbench.threads=2},
 * {@code -Dbench.rounds=2} (alternating gateway/direct rounds; medians).
 */
public final class GatewayOverheadBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int OFFSET = 20_000;
    private static final int GATEWAY = 8080 + OFFSET;
    private static final int TRACKER = 8083 + OFFSET;

    private GatewayOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String duration = System.getProperty("bench.duration", "20s");
        int connections = Integer.getInteger("bench.connections", 8);
        int threads = Integer.getInteger("bench.threads", 2);
        int rounds = Integer.getInteger("bench.rounds", 2);
        Path root = Path.of("").toAbsolutePath();
        Path home = Files.createTempDirectory("gateway-bench");
        String adminPassword = "bench-" + UUID.randomUUID();
        Process stack = startStack(root, home, adminPassword);
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            awaitReady(http, stack, home);

            String adminBasic = basic("admin", adminPassword);
            String username = "bench" + System.nanoTime();
            String password = "bench-password-" + UUID.randomUUID();
            send(http, "POST", "/api/accounts", adminBasic, "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", 201);
            String userBasic = basic(username, password);
            String personal = send(http, "POST", "/api/me/tokens", userBasic, "{\"name\":\"benchmark\"}", 201).get("secret").asString();
            JsonNode me = send(http, "GET", "/api/me", "Bearer " + personal, null, 200);
            for (int i = 0; i < 50; i++) {
                send(http, "POST", "/api/tracker/applications", "Bearer " + personal,
                        "{\"company\":\"Company " + i + "\",\"title\":\"Platform Engineer " + i + "\",\"source\":\"company_site\"}", 201);
            }
            Properties secrets = new Properties();
            try (InputStream in = Files.newInputStream(home.resolve("secrets.properties"))) {
                secrets.load(in);
            }
            IdentityTokenSigner signer = new IdentityTokenSigner(new IdentityProperties(secrets.getProperty("identity.signing-key"),
                    "jobsearch-gateway", "jobsearch-services", Duration.ofMinutes(30), IdentityProperties.SERVICE_MODE, null, null));
            String identity = signer.sign(new CurrentUser(UUID.fromString(me.get("id").asString()), username, Set.of(CurrentUser.USER)));

            String path = "/api/tracker/applications?page=0&size=20";
            String viaGateway = "http://127.0.0.1:" + GATEWAY + path;
            String direct = "http://127.0.0.1:" + TRACKER + path;
            // both answer the same 20 applications
            int gatewayItems = send(http, "GET", path, "Bearer " + personal, null, 200).get("items").size();
            System.out.printf("Request: GET %s (%d of 50 applications in the answer), wrk %s: -t%d -c%d -d%s --latency, keep-alive%n",
                    path, gatewayItems, wrkVersion(), threads, connections, duration);
            System.out.println("Gateway path: personal API token (Bearer jst_…; the gateway keeps the token's account for"
                    + " jobsearch.api-tokens.cache-ttl, default 30 s, and reuses the user's signed identity token until a minute"
                    + " before it expires), forwarded to tracker-service over pooled keep-alive connections. Direct path (baseline): tracker-service on its"
                    + " own port with a valid identity token (signed once, 30 min expiry). Stack as ./run-local starts it:"
                    + " apps -Xmx256m, SerialGC, Hikari pool 4, embedded PostgreSQL 18 and one Kafka broker, all on this machine"
                    + " (" + Runtime.getRuntime().availableProcessors() + " CPUs) together with wrk.");

            String loadBefore = loadAverage();
            wrk(viaGateway, "Bearer " + personal, threads, connections, "10s");   // warm-up (JIT, pools)
            wrk(direct, "Bearer " + identity, threads, connections, "10s");
            List<WrkResult> gateway = new ArrayList<>();
            List<WrkResult> service = new ArrayList<>();
            // CPU per request of the two JVMs, from their process accounting: unlike latency, barely moved by other load
            ProcessHandle gatewayJvm = app(stack, "gateway");
            ProcessHandle trackerJvm = app(stack, "tracker-service");
            double[] gatewayPathCpu = new double[2];
            double[] directPathCpu = new double[2];
            long gatewayRequests = 0;
            long directRequests = 0;
            for (int r = 0; r < rounds; r++) {
                long g0 = cpuMillis(gatewayJvm);
                long t0 = cpuMillis(trackerJvm);
                WrkResult viaGatewayRound = wrk(viaGateway, "Bearer " + personal, threads, connections, duration);
                gatewayPathCpu[0] += cpuMillis(gatewayJvm) - g0;
                gatewayPathCpu[1] += cpuMillis(trackerJvm) - t0;
                gatewayRequests += viaGatewayRound.requests();
                gateway.add(viaGatewayRound);
                t0 = cpuMillis(trackerJvm);
                WrkResult directRound = wrk(direct, "Bearer " + identity, threads, connections, duration);
                directPathCpu[1] += cpuMillis(trackerJvm) - t0;
                directRequests += directRound.requests();
                service.add(directRound);
            }
            WrkResult g = WrkResult.median(gateway);
            WrkResult d = WrkResult.median(service);
            System.out.printf("%n%-10s %10s %10s %12s %8s%n", "path", "p50 ms", "p99 ms", "requests/s", "non-2xx");
            System.out.printf("%-10s %10.2f %10.2f %12.0f %8d%n", "gateway", g.p50(), g.p99(), g.rps(), g.errors());
            System.out.printf("%-10s %10.2f %10.2f %12.0f %8d%n", "direct", d.p50(), d.p99(), d.rps(), d.errors());
            System.out.printf("CPU per request: gateway path %.2f ms in the gateway + %.2f ms in tracker-service; direct path %.2f ms in"
                            + " tracker-service%n", gatewayPathCpu[0] / gatewayRequests, gatewayPathCpu[1] / gatewayRequests,
                    directPathCpu[1] / directRequests);
            // other work on the machine slows both paths, but widens CPU-bound ratios: say how busy it was
            System.out.printf("load average (1/5/15 min) before the rounds: %s, after: %s%n", loadBefore, loadAverage());
            System.out.printf("p50 gateway/direct %.2fx; p99 gateway/direct %.2fx (target <= 1.5x: %s); throughput gateway/direct %.2fx (target >= 0.6x: %s)%n",
                    g.p50() / d.p50(), g.p99() / d.p99(), g.p99() / d.p99() <= 1.5 ? "met" : "MISSED",
                    g.rps() / d.rps(), g.rps() / d.rps() >= 0.6 ? "met" : "MISSED");
        } finally {
            stack.destroy();
            stack.waitFor();
            try (Stream<Path> paths = Files.walk(home)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Process startStack(Path root, Path home, String adminPassword) throws IOException {
        String classpath = root.resolve("local-launcher/target/classes") + ":" + root.resolve("local-launcher/target/lib") + "/*";
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", classpath, "org.jobsearch.launcher.LocalStack")
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("launcher.log").toFile());
        builder.environment().put("JOBSEARCH_HOME", home.toString());
        builder.environment().put("JOBSEARCH_PG_PORT", "55462");
        builder.environment().put("JOBSEARCH_KAFKA_PORT", "59122");
        builder.environment().put("JOBSEARCH_PORT_OFFSET", String.valueOf(OFFSET));
        builder.environment().put("JOBSEARCH_ADMIN_PASSWORD", adminPassword);
        return builder.start();
    }

    private static void awaitReady(HttpClient http, Process stack, Path home) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (!stack.isAlive()) {
                throw new IllegalStateException("the stack stopped; see " + home.resolve("launcher.log"));
            }
            if (Files.exists(home.resolve("launcher.log"))
                    && Files.readString(home.resolve("launcher.log")).contains("platform is up after")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the stack was not ready within 5 minutes; see " + home.resolve("launcher.log"));
    }

    private static JsonNode send(HttpClient http, String method, String path, String authorization, String body, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + GATEWAY + path))
                .header("Authorization", authorization)
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    /** The stack's JVM running {@code app}'s jar. */
    private static ProcessHandle app(Process stack, String app) {
        return stack.descendants()
                .filter(p -> p.info().commandLine().map(c -> c.contains("/" + app + "-") && c.contains(".jar")).orElse(false))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + app + " process under the launcher"));
    }

    private static long cpuMillis(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toMillis)
                .orElseThrow(() -> new IllegalStateException("no CPU time for process " + process.pid()));
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String wrkVersion() {
        try {
            Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out.lines().findFirst().orElse("wrk").split(" \\[")[0];
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("wrk is needed (apt-get install wrk)", e);
        }
    }

    private static WrkResult wrk(String url, String authorization, int threads, int connections, String duration)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder("wrk", "-t" + threads, "-c" + connections, "-d" + duration, "--latency",
                "-H", "Authorization: " + authorization, "-H", "Accept: application/json", url)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + out);
        }
        return WrkResult.parse(out);
    }

    record WrkResult(double p50, double p99, double rps, long errors, long requests) {

        private static final Pattern P50 = Pattern.compile("\\s50%\\s+([\\d.]+)(us|ms|s)");
        private static final Pattern P99 = Pattern.compile("\\s99%\\s+([\\d.]+)(us|ms|s)");
        private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
        private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ");
        private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");

        static WrkResult parse(String out) {
            Matcher errors = NON_2XX.matcher(out);
            Matcher requests = REQUESTS.matcher(out);
            return new WrkResult(millis(P50, out), millis(P99, out), number(RPS, out), errors.find() ? Long.parseLong(errors.group(1)) : 0,
                    requests.find() ? Long.parseLong(requests.group(1)) : 0);
        }

        static WrkResult median(List<WrkResult> results) {
            return new WrkResult(median(results.stream().mapToDouble(WrkResult::p50).toArray()),
                    median(results.stream().mapToDouble(WrkResult::p99).toArray()),
                    median(results.stream().mapToDouble(WrkResult::rps).toArray()),
                    results.stream().mapToLong(WrkResult::errors).sum(),
                    results.stream().mapToLong(WrkResult::requests).sum());
        }

        private static double median(double[] values) {
            double[] sorted = values.clone();
            java.util.Arrays.sort(sorted);
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }

        private static double millis(Pattern pattern, String out) {
            Matcher m = pattern.matcher(out);
            if (!m.find()) {
                throw new IllegalStateException("no " + pattern + " in wrk's output:\n" + out);
            }
            double value = Double.parseDouble(m.group(1));
            return switch (m.group(2)) {
                case "us" -> value / 1000;
                case "s" -> value * 1000;
                default -> value;
            };
        }

        private static double number(Pattern pattern, String out) {
            Matcher m = pattern.matcher(out);
            if (!m.find()) {
                throw new IllegalStateException("no " + pattern + " in wrk's output:\n" + out);
            }
            return Double.parseDouble(m.group(1));
        }
    }
}
