package org.jobsearch.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A Greenhouse job board API on a loopback port of the test JVM, answering
 * {@code GET /v1/boards/{token}/jobs?content=true} with the shape of the real API (job-board-apis.md §2.2:
 * entity-escaped {@code content}, {@code location.name}, {@code first_published} with an offset,
 * {@code meta.total}); unknown boards are a 404 like Greenhouse's. discovery-service reaches it because
 * the stack is started with {@code JOBSEARCH_DISCOVERY_ATS_BASEURLS_GREENHOUSE} pointing here and its host
 * in {@code JOBSEARCH_ATS_EXTRA_ALLOWED_HOSTS}, so a company added from {@code https://boards.greenhouse.io/<token>}
 * is fetched from this board.
 */
final class FakeGreenhouse implements AutoCloseable {

    /** The board the jobs journey adds from its careers URL. */
    static final String BOARD = "widgetworks";
    static final String HOST = "127.0.0.1";

    record Job(long id, String title, String location, String department) {
    }

    /** Distinct titles and locations: four match "Data Engineer" or "Analytics Engineer", one does not; one is remote. */
    static final List<Job> JOBS = List.of(
            new Job(4012001, "Data Engineer", "Remote - US", "Data"),
            new Job(4012002, "Senior Data Engineer", "Berlin, Germany", "Data"),
            new Job(4012003, "Data Engineer, Platform", "New York, NY", "Platform"),
            new Job(4012004, "Analytics Engineer", "Toronto, Canada", "Analytics"),
            new Job(4012005, "Product Designer", "London, United Kingdom", "Design"));

    private final HttpServer server;
    private final Map<String, List<Job>> boards;
    private final AtomicInteger requests = new AtomicInteger();

    private FakeGreenhouse(HttpServer server, Map<String, List<Job>> boards) {
        this.server = server;
        this.boards = boards;
    }

    static FakeGreenhouse start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(HOST), 0), 0);
            FakeGreenhouse fake = new FakeGreenhouse(server, Map.of(BOARD, JOBS));
            server.createContext("/v1/boards/", fake::handle);
            server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "fake-greenhouse");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return fake;
        } catch (IOException e) {
            throw new IllegalStateException("the fake Greenhouse board could not start", e);
        }
    }

    /** What replaces {@code https://boards-api.greenhouse.io} for discovery-service. */
    String baseUrl() {
        return "http://" + HOST + ":" + server.getAddress().getPort();
    }

    int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            String[] path = exchange.getRequestURI().getPath().split("/");
            // "", "v1", "boards", token, "jobs"
            List<Job> jobs = path.length == 5 && "jobs".equals(path[4]) && "GET".equals(exchange.getRequestMethod())
                    ? boards.get(path[3]) : null;
            if (jobs == null) {
                send(exchange, 404, "{\"status\":404,\"error\":\"Job not found\"}");
                return;
            }
            send(exchange, 200, board(path[3], jobs));
        }
    }

    private static String board(String token, List<Job> jobs) {
        String published = OffsetDateTime.now(ZoneOffset.ofHours(-5)).minusDays(2).withNano(0)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String items = jobs.stream().map(job -> """
                {"absolute_url":"https://job-boards.greenhouse.io/%1$s/jobs/%2$d","data_compliance":[{"type":"gdpr",\
                "requires_consent":false,"requires_processing_consent":false,"requires_retention_consent":false,\
                "retention_period":null,"demographic_data_consent_applies":false}],"internal_job_id":%3$d,\
                "location":{"name":"%4$s"},"metadata":null,"id":%2$d,"updated_at":"%5$s","requisition_id":"REQ-%2$d",\
                "title":"%6$s","company_name":"Widget Works","first_published":"%5$s","language":"en",\
                "content":"&lt;p&gt;Join the %7$s team at Widget Works.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Build things&lt;/li&gt;&lt;/ul&gt;",\
                "departments":[{"id":%3$d,"name":"%7$s","child_ids":[],"parent_id":null}],\
                "offices":[{"id":%3$d,"name":"%4$s","location":"%4$s","child_ids":[],"parent_id":null}]}"""
                .formatted(token, job.id(), job.id() - 4_000_000, job.location(), published, job.title(), job.department()))
                .collect(Collectors.joining(","));
        return "{\"jobs\":[" + items + "],\"meta\":{\"total\":" + jobs.size() + "}}";
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
