package org.jobsearch.resume.generation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A local stand-in for the Anthropic Messages API and an OpenAI-compatible chat completions API: each request gets the
 * next scripted reply (or, when a responder is set, a reply computed from the request) and its body is recorded.
 */
final class BulletProviderStub implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    record Reply(int status, String body, Duration delay) {

        static Reply ok(String body) {
            return new Reply(200, body, Duration.ZERO);
        }

        static Reply status(int status, String body) {
            return new Reply(status, body, Duration.ZERO);
        }

        Reply after(Duration wait) {
            return new Reply(status, body, wait);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Queue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private volatile Function<String, Reply> responder;

    private BulletProviderStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static BulletProviderStub start() {
        try {
            return new BulletProviderStub();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    BulletProviderStub enqueue(Reply... scripted) {
        replies.addAll(List.of(scripted));
        return this;
    }

    /** Computes each reply from the request body (used when nothing is scripted). */
    void respondWith(Function<String, Reply> compute) {
        this.responder = compute;
    }

    List<String> bodies() {
        return new ArrayList<>(bodies);
    }

    List<JsonNode> requests() {
        return bodies.stream().map(JSON::readTree).toList();
    }

    void reset() {
        replies.clear();
        bodies.clear();
        responder = null;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            bodies.add(body);
            Reply reply = replies.poll();
            if (reply == null && responder != null) {
                reply = responder.apply(body);
            }
            if (reply == null) {
                reply = Reply.status(500, "{\"error\":\"the stub has no scripted reply\"}");
            }
            if (!reply.delay().isZero()) {
                Thread.sleep(reply.delay().toMillis());
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up waiting (the timeout case): nothing left to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** An Anthropic Messages API answer with the given usage. */
    static String anthropic(String text, String stopReason, long input, long output, long cacheWrite, long cacheRead) {
        return JSON.writeValueAsString(Map.of("id", "msg_stub", "type", "message", "role", "assistant",
                "model", "claude-sonnet-4-5", "content", List.of(Map.of("type", "text", "text", text)),
                "stop_reason", stopReason, "usage", Map.of("input_tokens", input, "output_tokens", output,
                        "cache_creation_input_tokens", cacheWrite, "cache_read_input_tokens", cacheRead)));
    }

    static String anthropicError(String type, String message) {
        return JSON.writeValueAsString(Map.of("type", "error", "error", Map.of("type", type, "message", message)));
    }

    /** An OpenAI chat completion with the given usage ({@code cached} counted inside the prompt tokens). */
    static String openAi(String text, String finishReason, long prompt, long completion, long cached) {
        return JSON.writeValueAsString(Map.of("id", "chatcmpl-stub", "object", "chat.completion", "created", 1,
                "model", "gpt-4o-mini", "choices", List.of(Map.of("index", 0,
                        "message", Map.of("role", "assistant", "content", text), "finish_reason", finishReason)),
                "usage", Map.of("prompt_tokens", prompt, "completion_tokens", completion,
                        "total_tokens", prompt + completion,
                        "prompt_tokens_details", Map.of("cached_tokens", cached))));
    }

    static String openAiError(String type, String message) {
        return JSON.writeValueAsString(Map.of("error", Map.of("type", type, "message", message)));
    }
}
