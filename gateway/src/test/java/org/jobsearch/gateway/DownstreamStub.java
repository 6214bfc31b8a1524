package org.jobsearch.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Stands in for the four services: records every request it receives and answers with
 * {@link #respondWith the current responder}; by default 200 with a small JSON body (201 for
 * POST). One per test JVM, on a free port.
 */
public final class DownstreamStub {

    /** What arrived, with header names lower-cased. */
    public record ReceivedRequest(String method, String path, String query, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /** An answer; {@link #DROP} closes the connection without sending one. */
    public record Answer(int status, String json) {

        public static final Answer DROP = new Answer(-1, null);
    }

    private static DownstreamStub instance;

    private volatile Function<ReceivedRequest, Answer> responder = DownstreamStub::echo;

    private final HttpServer server;
    private final BlockingQueue<ReceivedRequest> received = new LinkedBlockingQueue<>();

    private DownstreamStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public static synchronized DownstreamStub shared() {
        if (instance == null) {
            instance = new DownstreamStub();
        }
        return instance;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Forgets received requests and restores the default answers. */
    public void clear() {
        received.clear();
        responder = DownstreamStub::echo;
    }

    public void respondWith(Function<ReceivedRequest, Answer> responder) {
        this.responder = responder;
    }

    public ReceivedRequest takeRequest() {
        try {
            ReceivedRequest request = received.poll(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
            if (request == null) {
                throw new AssertionError("the stub service received no request within 5 s");
            }
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public boolean receivedNothing() {
        return received.isEmpty();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), List.copyOf(values)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        ReceivedRequest request = new ReceivedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), headers, body);
        received.add(request);
        Answer answer = responder.apply(request);
        if (answer == Answer.DROP) {
            // the JDK server closes the connection of a handler that fails before answering
            throw new IllegalStateException("connection dropped on purpose by the test");
        }
        byte[] json = answer.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), json.length);
        exchange.getResponseBody().write(json);
        exchange.close();
    }

    private static Answer echo(ReceivedRequest request) {
        return new Answer("POST".equals(request.method()) ? 201 : 200,
                "{\"stub\":true,\"path\":\"" + request.path() + "\"}");
    }
}
