package org.jobsearch.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jobsearch.identity.CurrentUser;
import org.jobsearch.identity.IdentityProperties;
import org.jobsearch.identity.IdentityTokenSigner;
import org.jobsearch.testkit.PostgresServer;
import org.jobsearch.testkit.SharedInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A discovery sync (issue 4, issue 10) of the real discovery-service Boot jar, run as a child JVM on the benchmark's
 * embedded PostgreSQL and in-JVM Kafka, against fake Workday tenants served from this JVM.
 * <p>
 * <b>Throughput:</b> {@code bench.tenants} (200) tenants × {@code bench.postings} (100) postings, each tenant under
 * its own host name {@code tenantN.bench.test} (resolved to 127.0.0.1 by a hosts file given to the service's JVM with
 * {@code -Djdk.net.hosts.file}, the service pointed at them with {@code workday-tenant-url=http://{host}}), list pages
 * of 20 plus one detail request per posting, every response delayed {@code bench.latencyMs} (50). The wall time of an
 * admin's {@code POST /api/discovery/syncs} until {@code completed} is set against (a) the sequential sum, requests ×
 * latency (computed, not run) and (b) the politeness bound: with {@code max-concurrent-hosts} C and one request at a
 * time per host with {@code pause} between, ceil(tenants / C) × the slowest host's requests × (latency + pause).
 * <p>
 * <b>Memory:</b> the smallest {@code -Xmx} (binary search, 16 MB steps, {@code bench.minHeapMb}..{@code bench.maxHeapMb})
 * with which the service completes a sync of one 200-posting tenant, then one 20,000-posting tenant with that same
 * heap, latency and pause zero; each try in a fresh JVM and a fresh database.
 */
public final class SyncBenchmark {

    static final String DOMAIN = "bench.test";
    static final String SITE = "External";
    static final int WORKDAY_PAGE = 20;
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final PostgresServer postgres = SharedInfrastructure.postgres();
    private final String bootstrap = SharedInfrastructure.kafka().bootstrapServers();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Path jar;
    private final String signingKey;
    private final IdentityTokenSigner signer;
    private final CurrentUser admin = new CurrentUser(UUID.randomUUID(), "bench-admin",
            Set.of(CurrentUser.USER, CurrentUser.ADMIN));

    SyncBenchmark(Path jar) {
        this.jar = jar;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.signingKey = Base64.getEncoder().encodeToString(key);
        this.signer = new IdentityTokenSigner(new IdentityProperties(signingKey, null, null, null, null, null, null));
    }

    public static void main(String[] args) throws Exception {
        int exit = 0;
        try {
            new SyncBenchmark(ServiceJvm.bootJar("discovery-service", "bench.discoveryJar")).run();
        } catch (Exception e) {
            e.printStackTrace();
            exit = 1;
        }
        System.exit(exit);
    }

    void run() throws Exception {
        int tenants = Integer.getInteger("bench.tenants", 200);
        int postings = Integer.getInteger("bench.postings", 100);
        int latencyMs = Integer.getInteger("bench.latencyMs", 50);
        int maxHosts = Integer.getInteger("bench.maxConcurrentHosts", 50);
        int pauseMs = Integer.getInteger("bench.pauseMs", 50);
        String heap = System.getProperty("bench.heap", "512m");
        int warmupTenants = Integer.getInteger("bench.warmupTenants", 0);
        boolean throughput = !Boolean.getBoolean("bench.skipThroughput");
        boolean memory = !Boolean.getBoolean("bench.skipMemory");

        System.out.println("== Sync benchmark (" + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, load average " + loadAverage() + ", Java " + System.getProperty("java.version") + ") ==");
        System.out.println("Service: " + jar.getFileName() + " in its own JVM (-XX:+UseSerialGC), Boot defaults "
                + "(Tomcat, HikariCP pool 10), embedded PostgreSQL + in-JVM Kafka of this JVM, outbox relay on");
        if (throughput) {
            throughput(tenants, warmupTenants, postings, latencyMs, maxHosts, pauseMs, heap);
        }
        if (memory) {
            memory(Integer.getInteger("bench.minHeapMb", 64), Integer.getInteger("bench.maxHeapMb", 512),
                    Integer.getInteger("bench.smallPostings", 200), Integer.getInteger("bench.largePostings", 20_000));
        }
    }

    // ---------------------------------------------------------------- throughput

    void throughput(int tenants, int warmupTenants, int postings, int latencyMs, int maxHosts, int pauseMs,
                    String heap) throws Exception {
        try (FakeWorkday fake = new FakeWorkday(tenants + warmupTenants, postings, latencyMs,
                4 * Math.max(maxHosts, 16))) {
            Settings settings = new Settings(heap, maxHosts, pauseMs, 1000);
            try (Service service = Service.start(jar, settings, fake, postgres, bootstrap, signingKey)) {
                System.out.println();
                System.out.println("-- Throughput: " + tenants + " Workday tenants × " + postings + " postings, "
                        + latencyMs + " ms per response, max-concurrent-hosts " + maxHosts + ", pause-between-requests "
                        + pauseMs + " ms, -Xmx" + heap + " --");
                service.awaitReady(http, Duration.ofMinutes(5));
                call(service, "POST", "/api/discovery/search-configs", Map.of("searchTerm", "engineer"), 201);
                if (warmupTenants > 0) {
                    // optional: a service runs for days, its JIT has compiled the sync's code long before a sync. A
                    // first sync of other tenants (unfollowed afterwards, so the measured sync does not fetch them)
                    // does that here, its own figures printed as the cold case. Off by default: the measured sync
                    // then runs on a freshly started service, the harder case.
                    List<String> warmup = follow(service, fake, tenants + 1, tenants + warmupTenants);
                    fake.reset();
                    double warmCpu = service.cpuSeconds();
                    SyncOutcome cold = sync(service, Duration.ofHours(1));
                    warmCpu = service.cpuSeconds() - warmCpu;
                    long coldBoundMs = (warmupTenants + maxHosts - 1) / maxHosts * fake.slowestHostRequests()
                            * (long) (latencyMs + pauseMs);
                    System.out.printf("Warm-up sync of %d other tenants on the freshly started service (cold JIT): "
                            + "%s, %,d new listings, %.1f s = %.2f× its politeness bound, %.1f ms CPU per posting; "
                            + "those tenants are unfollowed before the measured sync%n", warmupTenants, cold.status(),
                            cold.newListings(), cold.wallMs() / 1000.0, cold.wallMs() / (double) coldBoundMs,
                            warmCpu * 1000 / Math.max(1, cold.newListings()));
                    for (String id : warmup) {
                        call(service, "DELETE", "/api/discovery/companies/" + id + "/follow", null, 204);
                    }
                }
                follow(service, fake, 1, tenants);
                fake.reset();
                double cpuBefore = service.cpuSeconds();
                double dbBefore = postgresCpuSeconds(postgres.port());
                SyncOutcome outcome = sync(service, Duration.ofHours(2));
                double cpu = service.cpuSeconds() - cpuBefore;
                double dbCpu = postgresCpuSeconds(postgres.port()) - dbBefore;
                long requests = fake.requests();
                long listRequests = fake.listRequests();
                long slowestHost = fake.slowestHostRequests();
                double wallS = outcome.wallMs() / 1000.0;
                double sequentialS = requests * latencyMs / 1000.0;
                long rounds = (tenants + maxHosts - 1) / maxHosts;
                double perHostS = slowestHost * (latencyMs + pauseMs) / 1000.0;
                double boundS = rounds * perHostS;
                System.out.printf("Sync %s: status %s, %d summary lines, %d with errors, %,d new listings%n",
                        outcome.id(), outcome.status(), outcome.lines(), outcome.errors(), outcome.newListings());
                System.out.printf("Requests seen by the fake: %,d (%,d list pages, %,d details); slowest host %d "
                        + "requests; most requests in flight to one host at once: %d; to all hosts: %d%n", requests,
                        listRequests, requests - listRequests, slowestHost, fake.maxInFlightPerHost(),
                        fake.maxInFlight());
                System.out.printf("Wall time (POST /syncs → completed, server's createdAt → finishedAt): %.1f s "
                        + "(client-side, polling every 100 ms: %.1f s)%n", wallS, outcome.clientMs() / 1000.0);
                System.out.printf("discovery-service CPU time during the sync (utime + stime of its JVM): %.1f s = "
                        + "%.1f ms per posting; on %d cores at most %.0f%% of the wall time could be this JVM's%n", cpu,
                        cpu * 1000 / Math.max(1, outcome.newListings()), Runtime.getRuntime().availableProcessors(),
                        100 * cpu / Runtime.getRuntime().availableProcessors() / wallS);
                System.out.printf("PostgreSQL CPU time during the sync (postmaster and its backends, all databases "
                        + "of this server): %.1f s = %.1f ms per posting; service + PostgreSQL = %.0f%% of the wall time "
                        + "× %d cores%n", dbCpu, dbCpu * 1000 / Math.max(1, outcome.newListings()),
                        100 * (cpu + dbCpu) / Runtime.getRuntime().availableProcessors() / wallS,
                        Runtime.getRuntime().availableProcessors());
                System.out.printf("Baseline (a) sequential sum = requests × latency = %,d × %d ms = %.1f s%n",
                        requests, latencyMs, sequentialS);
                System.out.printf("Baseline (b) politeness bound = ceil(tenants / max-concurrent-hosts) × slowest "
                        + "host's requests × (latency + pause) = ceil(%d / %d) × %d × (%d + %d) ms = %d × %.2f s = "
                        + "%.1f s%n", tenants, maxHosts, slowestHost, latencyMs, pauseMs, rounds, perHostS, boundS);
                System.out.printf("Ratio wall / politeness bound = %.2f× (target ≤ 1.25×): %s%n", wallS / boundS,
                        wallS / boundS <= 1.25 ? "met" : "MISSED");
                System.out.printf("Ratio sequential / wall = %.1f× (target ≥ 10×): %s%n", sequentialS / wallS,
                        sequentialS / wallS >= 10 ? "met" : "MISSED");
            }
        }
    }

    // ---------------------------------------------------------------- memory

    void memory(int minMb, int maxMb, int small, int large) throws Exception {
        System.out.println();
        System.out.println("-- Memory: the smallest -Xmx (" + Integer.getInteger("bench.heapStepMb", 16) + " MB steps, " + minMb + "m.." + maxMb + "m) completing a "
                + "sync of one " + small + "-posting tenant, then one " + large + "-posting tenant with that heap; "
                + "latency and pause 0, max-postings " + large + ", a fresh JVM (-XX:+ExitOnOutOfMemoryError) and "
                + "database per try --");
        // candidates: minMb, minMb + 16, ... maxMb; binary search for the smallest that completes (more heap never
        // hurts, so the outcome is monotonic in the heap)
        List<Integer> heaps = new ArrayList<>();
        int step = Integer.getInteger("bench.heapStepMb", 16);
        for (int mb = minMb; mb < maxMb; mb += step) {
            heaps.add(mb);
        }
        heaps.add(maxMb);
        Map<Integer, Trial> trials = new java.util.TreeMap<>();
        if (!tryHeap(maxMb, small, trials).completed()) {
            System.out.println("Even -Xmx" + maxMb + "m does not complete the " + small + "-posting sync: no search");
            return;
        }
        int lo = 0;
        int hi = heaps.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (tryHeap(heaps.get(mid), small, trials).completed()) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        int best = heaps.get(hi);
        Trial smallest = trials.get(best);
        System.out.println("Smallest heap completing the " + small + "-posting sync: -Xmx" + best + "m");
        Trial big = tryHeap(best, large, new java.util.TreeMap<>());
        System.out.println();
        System.out.println("== Memory results ==");
        System.out.println("| Tenant | -Xmx | outcome | new listings | sync wall time |");
        System.out.println("|---|---|---|---|---|");
        System.out.printf("| %,d postings | %dm | %s | %,d | %.1f s |%n", small, best, smallest.describe(),
                smallest.newListings(), smallest.wallMs() / 1000.0);
        System.out.printf("| %,d postings | %dm | %s | %,d | %.1f s |%n", large, best, big.describe(),
                big.newListings(), big.wallMs() / 1000.0);
        String tried = trials.entrySet().stream().map(e -> e.getKey() + "m " + e.getValue().describe())
                .collect(java.util.stream.Collectors.joining(", "));
        System.out.println("Tries for " + small + " postings: " + tried);
    }

    private Trial tryHeap(int heapMb, int postings, Map<Integer, Trial> trials) throws Exception {
        Trial trial;
        try (FakeWorkday fake = new FakeWorkday(1, postings, 0, 16)) {
            Settings settings = new Settings(heapMb + "m", 4, 0, Math.max(1000, postings));
            try (Service service = Service.start(jar, settings, fake, postgres, bootstrap, signingKey)) {
                try {
                    service.awaitReady(http, Duration.ofMinutes(5));
                    call(service, "POST", "/api/discovery/search-configs", Map.of("searchTerm", "engineer"), 201);
                    follow(service, fake, 1, 1);
                    SyncOutcome outcome = sync(service, Duration.ofMinutes(30));
                    boolean all = outcome.newListings() == postings && outcome.errors() == 0;
                    trial = new Trial(outcome.status().equals("completed") && !all ? "incomplete" : outcome.status(),
                            service.process.isAlive(), outcome.newListings(), outcome.wallMs());
                } catch (ServiceDied | IllegalStateException | IOException e) {
                    // a JVM that runs out of heap exits (ExitOnOutOfMemoryError), whatever request it was answering
                    service.process.waitFor(30, TimeUnit.SECONDS);
                    trial = new Trial(service.outOfMemory() ? "OutOfMemoryError"
                            : e.getMessage().lines().findFirst().orElse("failed"), false, 0, 0);
                }
            }
        }
        trials.put(heapMb, trial);
        System.out.printf("-Xmx%-5s %,6d postings: %s%n", heapMb + "m", postings, trial.completed()
                ? String.format("completed, %,d new listings in %.1f s", trial.newListings(), trial.wallMs() / 1000.0)
                : trial.describe());
        return trial;
    }

    record Trial(String status, boolean alive, int newListings, long wallMs) {
        boolean completed() {
            return status.equals("completed") && alive;
        }

        String describe() {
            return completed() ? "completed" : status;
        }
    }

    // ---------------------------------------------------------------- REST

    /** Adds tenants {@code from}..{@code to} to the catalog and follows them; their company ids. */
    private List<String> follow(Service service, FakeWorkday fake, int from, int to) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            String tenant = "tenant" + i;
            JsonNode company = call(service, "POST", "/api/discovery/companies", Map.of("name", "Bench " + tenant,
                    "config", Map.of("platform", "workday", "host", tenant + "." + DOMAIN + ":" + fake.port(),
                            "tenant", tenant, "site", SITE)), 201);
            ids.add(company.get("id").asString());
            call(service, "PUT", "/api/discovery/companies/" + ids.get(ids.size() - 1) + "/follow", Map.of(), 200);
        }
        return ids;
    }

    record SyncOutcome(String id, String status, int lines, int errors, int newListings, long wallMs, long clientMs) {
    }

    private SyncOutcome sync(Service service, Duration timeout) throws Exception {
        long started = System.nanoTime();
        String id = call(service, "POST", "/api/discovery/syncs", Map.of(), 202).get("id").asString();
        long deadline = started + timeout.toNanos();
        JsonNode sync;
        while (true) {
            service.checkAlive();
            sync = call(service, "GET", "/api/discovery/syncs/" + id, null, 200);
            if (!sync.get("status").asString().matches("queued|running")) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("sync " + id + " not done within " + timeout);
            }
            Thread.sleep(100);
        }
        long clientMs = (System.nanoTime() - started) / 1_000_000;
        int errors = 0;
        int newListings = 0;
        for (JsonNode line : sync.get("summary")) {
            if (!line.get("error").isNull()) {
                if (errors == 0) {
                    System.out.println("  first error line: " + line);
                }
                errors++;
            }
            newListings += line.get("newListings").asInt();
        }
        long wallMs = sync.get("finishedAt").isNull() ? clientMs
                : Duration.between(Instant.parse(sync.get("createdAt").asString()),
                        Instant.parse(sync.get("finishedAt").asString())).toMillis();
        return new SyncOutcome(id, sync.get("status").asString(), sync.get("summary").size(), errors, newListings,
                wallMs, clientMs);
    }

    private JsonNode call(Service service, String method, String path, Object body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port + path))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + signer.sign(admin))
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            service.checkAlive();
            throw e;
        }
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    // ---------------------------------------------------------------- the fake ATS

    /**
     * Workday CXS for {@code tenantN.bench.test}: {@code POST /wday/cxs/tenantN/External/jobs} pages (total on the
     * first page only, as Workday does) and {@code GET …/job/Remote/Software-Engineer-K_REQ-K} details with a ~2 KB
     * description, each answered after {@code latencyMs}. Counts requests per host and the most in flight at once.
     */
    static final class FakeWorkday implements AutoCloseable {
        private static final Pattern HOST = Pattern.compile("(tenant\\d+)\\." + Pattern.quote(DOMAIN) + "(:\\d+)?");
        private static final Pattern LIST = Pattern.compile("/wday/cxs/(tenant\\d+)/" + SITE + "/jobs");
        private static final Pattern DETAIL = Pattern.compile("/wday/cxs/(tenant\\d+)/" + SITE
                + "/job/Remote/Software-Engineer-(\\d+)_REQ-\\d+");
        private static final String FILLER = "<p>You will design, build and operate services that move job data "
                + "between systems, with <b>Java</b>, <i>PostgreSQL</i> and <a href=\"https://example.org\">Kafka</a>."
                + "</p><ul><li>Own features end to end</li><li>Review code</li><li>Keep the lights on</li></ul>";

        static {
            // headers and body go out in separate writes: without this, Nagle + delayed ACK cost ~40 ms per request
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }

        private final int tenants;
        private final int postings;
        private final int latencyMs;
        private final HttpServer server;
        private final ExecutorService executor;
        private final Map<String, AtomicInteger> perHost = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> inFlightPerHost = new ConcurrentHashMap<>();
        private final AtomicLong lists = new AtomicLong();
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger maxInFlight = new AtomicInteger();
        private final AtomicInteger maxInFlightPerHost = new AtomicInteger();

        FakeWorkday(int tenants, int postings, int latencyMs, int threads) throws IOException {
            this.tenants = tenants;
            this.postings = postings;
            this.latencyMs = latencyMs;
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
            this.executor = Executors.newFixedThreadPool(threads);
            server.createContext("/", this::handle);
            server.setExecutor(executor);
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        List<String> hostNames() {
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= tenants; i++) {
                names.add("tenant" + i + "." + DOMAIN);
            }
            return names;
        }

        void reset() {
            perHost.clear();
            lists.set(0);
            maxInFlight.set(0);
            maxInFlightPerHost.set(0);
        }

        long requests() {
            return perHost.values().stream().mapToLong(AtomicInteger::get).sum();
        }

        long listRequests() {
            return lists.get();
        }

        int slowestHostRequests() {
            return perHost.values().stream().mapToInt(AtomicInteger::get).max().orElse(0);
        }

        int maxInFlight() {
            return maxInFlight.get();
        }

        int maxInFlightPerHost() {
            return maxInFlightPerHost.get();
        }

        private void handle(HttpExchange exchange) throws IOException {
            String hostHeader = String.valueOf(exchange.getRequestHeaders().getFirst("Host")).toLowerCase(Locale.ROOT);
            Matcher host = HOST.matcher(hostHeader);
            AtomicInteger hostInFlight = inFlightPerHost.computeIfAbsent(hostHeader, h -> new AtomicInteger());
            maxInFlightPerHost.accumulateAndGet(hostInFlight.incrementAndGet(), Math::max);
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try (exchange) {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                perHost.computeIfAbsent(hostHeader, h -> new AtomicInteger()).incrementAndGet();
                String path = exchange.getRequestURI().getRawPath();
                String reply = null;
                if (host.matches()) {
                    Matcher list = LIST.matcher(path);
                    Matcher detail = DETAIL.matcher(path);
                    if (exchange.getRequestMethod().equals("POST") && list.matches()
                            && list.group(1).equals(host.group(1))) {
                        lists.incrementAndGet();
                        reply = page(list.group(1), JSON.readTree(body));
                    } else if (exchange.getRequestMethod().equals("GET") && detail.matches()
                            && detail.group(1).equals(host.group(1))) {
                        reply = detail(detail.group(1), Integer.parseInt(detail.group(2)));
                    }
                }
                if (latencyMs > 0) {
                    Thread.sleep(latencyMs);
                }
                byte[] bytes = (reply == null ? "{\"error\":\"not found\"}" : reply).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(reply == null ? 404 : 200, bytes.length);
                exchange.getResponseBody().write(bytes);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
                hostInFlight.decrementAndGet();
            }
        }

        private String page(String tenant, JsonNode request) {
            int offset = request.path("offset").asInt(0);
            int limit = request.path("limit").asInt(WORKDAY_PAGE);
            StringBuilder json = new StringBuilder("{\"total\": ").append(offset == 0 ? postings : 0)
                    .append(", \"jobPostings\": [");
            for (int k = offset + 1; k <= Math.min(postings, offset + limit); k++) {
                if (k > offset + 1) {
                    json.append(',');
                }
                json.append("{\"title\": \"Software Engineer ").append(k)
                        .append("\", \"externalPath\": \"/job/Remote/Software-Engineer-").append(k).append("_REQ-")
                        .append(k).append("\", \"locationsText\": \"Remote\", \"postedOn\": \"Posted 3 Days Ago\", ")
                        .append("\"bulletFields\": [\"").append(tenant).append("-REQ-").append(k).append("\"]}");
            }
            return json.append("]}").toString();
        }

        private String detail(String tenant, int k) {
            String description = ("<h2>Software Engineer " + k + " at " + tenant + "</h2>" + FILLER.repeat(6))
                    .replace("\"", "\\\"");
            return "{\"jobPostingInfo\": {\"title\": \"Software Engineer " + k + "\", \"jobReqId\": \"" + tenant
                    + "-REQ-" + k + "\", \"location\": \"Remote\", \"startDate\": \"2026-11-20\", \"externalUrl\": "
                    + "\"https://" + tenant + ".wd5.myworkdayjobs.com/" + SITE + "/job/Remote/Software-Engineer-" + k
                    + "_REQ-" + k + "\", \"jobDescription\": \"" + description + "\"}}";
        }

        @Override
        public void close() {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- the service

    record Settings(String heap, int maxConcurrentHosts, int pauseMs, int maxPostings) {
    }

    static final class ServiceDied extends RuntimeException {
        ServiceDied(String message) {
            super(message);
        }
    }

    /** The real discovery-service, its Boot jar in a JVM of its own, on the benchmark's PostgreSQL and Kafka. */
    static final class Service implements AutoCloseable {
        final Process process;
        final Path log;
        final int port;
        final PostgresServer postgres;
        final String database;

        private Service(Process process, Path log, int port, PostgresServer postgres, String database) {
            this.process = process;
            this.log = log;
            this.port = port;
            this.postgres = postgres;
            this.database = database;
        }

        static Service start(Path jar, Settings settings, FakeWorkday fake, PostgresServer postgres, String bootstrap,
                             String signingKey) throws IOException {
            String database = postgres.createDatabase("bench_sync");
            int port = ServiceJvm.freePort();
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            // a private copy: a build running meanwhile rewrites target/*.jar under the running JVM's feet
            Path copy = Files.createTempFile("sync-benchmark-discovery", ".jar");
            copy.toFile().deleteOnExit();
            Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
            // the tenants' host names, resolved without DNS: the JDK reads this file instead of the system resolver
            Path hosts = Files.createTempFile("sync-benchmark-hosts", ".txt");
            hosts.toFile().deleteOnExit();
            StringBuilder lines = new StringBuilder("127.0.0.1 localhost " + InetAddress.getLocalHost().getHostName()
                    + "\n::1 localhost\n");
            for (String name : fake.hostNames()) {
                lines.append("127.0.0.1 ").append(name).append('\n');
            }
            Files.writeString(hosts, lines);
            Path log = Files.createTempFile("sync-benchmark-discovery", ".log");
            List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx" + settings.heap(), "-XX:+UseSerialGC",
                    "-XX:+ExitOnOutOfMemoryError", "-Djdk.net.hosts.file=" + hosts));
            // e.g. -Dbench.serviceJvmArgs=-XX:StartFlightRecording=filename=/tmp/sync.jfr to profile the service
            command.addAll(ServiceJvm.extraArgs("bench.serviceJvmArgs"));
            command.addAll(List.of("-jar", copy.toString(),
                    "--server.port=" + port,
                    "--spring.datasource.url=" + postgres.jdbcUrl(database),
                    "--spring.datasource.username=" + postgres.username(),
                    "--spring.datasource.password=" + postgres.password(),
                    "--spring.kafka.bootstrap-servers=" + bootstrap,
                    "--jobsearch.identity.signing-key=" + signingKey,
                    "--jobsearch.messaging.relay.name=" + database,
                    "--jobsearch.messaging.relay.slot-name=" + database + "_outbox",
                    "--jobsearch.messaging.consumer.group-id=discovery-" + database,
                    "--jobsearch.discovery.sync.cron=-",
                    "--jobsearch.discovery.ats.extra-allowed-hosts=*." + DOMAIN,
                    "--jobsearch.discovery.ats.workday-tenant-url=http://{host}",
                    "--jobsearch.discovery.ats.max-concurrent-hosts=" + settings.maxConcurrentHosts(),
                    "--jobsearch.discovery.ats.pause-between-requests=" + settings.pauseMs() + "ms",
                    "--jobsearch.discovery.ats.max-postings=" + settings.maxPostings(),
                    "--logging.level.root=WARN"));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Service service = new Service(process, log, port, postgres, database);
            Runtime.getRuntime().addShutdownHook(new Thread(service::close, "sync-benchmark-discovery-stop"));
            return service;
        }

        /** CPU time the service's JVM has used so far (user + system), from /proc. */
        double cpuSeconds() {
            try {
                String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // after "pid (comm) ": state is field 3, utime 14 and stime 15 → indexes 11 and 12 here
                return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
            } catch (IOException | RuntimeException e) {
                return Double.NaN;
            }
        }

        void checkAlive() throws IOException {
            if (!process.isAlive()) {
                throw new ServiceDied("discovery-service exited with " + process.exitValue()
                        + (outOfMemory() ? " (OutOfMemoryError)" : "") + ":\n" + tail());
            }
        }

        boolean outOfMemory() {
            try {
                return Files.readString(log).contains("OutOfMemoryError");
            } catch (IOException e) {
                return false;
            }
        }

        String tail() throws IOException {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        }

        void awaitReady(HttpClient http, Duration timeout) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
            while (System.nanoTime() < deadline) {
                checkAlive();
                try {
                    if (http.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException("discovery-service not ready within " + timeout + ":\n" + tail());
        }

        private boolean closed;

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (process.isAlive()) {
                process.destroy();
                try {
                    if (!process.waitFor(30, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            // an inactive replication slot would hold WAL back for the rest of the run
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(postgres.jdbcUrl("postgres"),
                    postgres.username(), postgres.password());
                 java.sql.Statement s = c.createStatement()) {
                s.execute("select pg_drop_replication_slot(slot_name) from pg_replication_slots where database = '"
                        + database + "' and not active");
                s.execute("drop database if exists " + database + " with (force)");
            } catch (java.sql.SQLException e) {
                System.err.println("could not drop " + database + ": " + e.getMessage());
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /**
     * CPU seconds of the embedded PostgreSQL listening on {@code port}: its postmaster and live backends (user +
     * system), plus what exited backends left in the postmaster's children's times.
     */
    static double postgresCpuSeconds(int port) {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            Map<Long, long[]> stats = new java.util.HashMap<>();
            Long postmaster = null;
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = Files.readString(proc.resolve("stat"));
                    if (!stat.contains("(postgres)")) {
                        continue;
                    }
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(proc.getFileName().toString());
                    // ppid, utime, stime, cutime, cstime
                    stats.put(pid, new long[]{Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]),
                            Long.parseLong(f[13]), Long.parseLong(f[14])});
                    String cmdline = Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
                    if (cmdline.contains("-p " + port + " ") || cmdline.endsWith("-p " + port + " ")) {
                        postmaster = pid;
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
            if (postmaster == null) {
                return Double.NaN;
            }
            long ticks = 0;
            for (Map.Entry<Long, long[]> e : stats.entrySet()) {
                long[] v = e.getValue();
                if (e.getKey().equals(postmaster)) {
                    ticks += v[1] + v[2] + v[3] + v[4];
                } else if (v[0] == postmaster) {
                    ticks += v[1] + v[2];
                }
            }
            return ticks / 100.0;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
