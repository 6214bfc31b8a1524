package org.jobsearch.discovery.ats;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A local stand-in for an ATS host (JDK HttpServer on 127.0.0.1): scripted replies per route, every request
 * recorded, and the largest number of requests it ever had in flight at once.
 */
public final class FakeAtsServer implements AutoCloseable {

    public record Recorded(String method, String pathAndQuery, String body, Map<String, String> headers) {
    }

    public record Reply(int status, String body, Map<String, String> headers) {
        public static Reply json(String body) {
            return new Reply(200, body, Map.of("Content-Type", "application/json"));
        }

        static Reply resource(String path) {
            return json(TestAts.resource(path));
        }

        public static Reply status(int status) {
            return new Reply(status, "", Map.of());
        }

        Reply withHeader(String name, String value) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put(name, value);
            return new Reply(status, body, all);
        }
    }

    /** Runs inside the handler before the reply: lets a test hold a request open or count it. */
    interface Hook {
        void onRequest(Recorded request) throws InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Deque<Reply>> routes = new ConcurrentHashMap<>();
    private final Map<String, Function<Recorded, Reply>> answers = new ConcurrentHashMap<>();
    private final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile Hook hook = request -> { };

    static {
        // headers and body go out in separate writes: without this, Nagle + delayed ACK cost ~40 ms per request
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    FakeAtsServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Replies to {@code method path[?query]} in order; the last one repeats. Without a query, any query matches. */
    public FakeAtsServer route(String method, String pathAndQuery, Reply... replies) {
        routes.put(method + " " + pathAndQuery, new ArrayDeque<>(List.of(replies)));
        return this;
    }

    /** Answers {@code method path} (any query) by what the request says, e.g. a Workday search's body. */
    public FakeAtsServer answer(String method, String path, Function<Recorded, Reply> answer) {
        answers.put(method + " " + path, answer);
        return this;
    }

    FakeAtsServer hook(Hook hook) {
        this.hook = hook;
        return this;
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    String hostKey() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    List<Recorded> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public List<Recorded> requests(String method, String pathPrefix) {
        return requests().stream().filter(r -> r.method().equals(method) && r.pathAndQuery().startsWith(pathPrefix))
                .toList();
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            String pathAndQuery = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            Recorded recorded = new Recorded(exchange.getRequestMethod(), pathAndQuery, body, headers);
            requests.add(recorded);
            try {
                hook.onRequest(recorded);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Function<Recorded, Reply> answer =
                    answers.get(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath());
            Reply reply = answer != null ? answer.apply(recorded)
                    : next(exchange.getRequestMethod(), pathAndQuery, exchange.getRequestURI().getRawPath());
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        } finally {
            inFlight.decrementAndGet();
            exchange.close();
        }
    }

    private Reply next(String method, String pathAndQuery, String path) {
        Deque<Reply> replies = routes.get(method + " " + pathAndQuery);
        if (replies == null) {
            replies = routes.get(method + " " + path);
        }
        if (replies == null) {
            return new Reply(404, "{\"error\":\"no such route\"}", Map.of("Content-Type", "application/json"));
        }
        synchronized (replies) {
            return replies.size() > 1 ? replies.poll() : replies.peek();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
