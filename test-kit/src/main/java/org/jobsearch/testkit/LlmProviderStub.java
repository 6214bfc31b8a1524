package org.jobsearch.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * A local stand-in for an LLM provider's HTTP API (Anthropic Messages, OpenAI-compatible chat completions) on a free
 * loopback port, for tests that drive the real langchain4j clients, in-process or in another process (an app of the
 * end-to-end stack given this stub's {@link #url()} as its provider base URL). Each request gets the next scripted
 * reply, or, when nothing is scripted, the reply a {@linkplain #respondWith responder} computes from the request; it is
 * recorded either way. Without either, the answer is a 500.
 */
public final class LlmProviderStub implements AutoCloseable {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    /** One request as received: the path (e.g. {@code /v1/messages}) and the body. */
    public record Request(String method, String path, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** @param delay waited before answering (a client timeout test) */
    public record Reply(int status, String body, Duration delay) {

        public static Reply ok(String body) {
            return new Reply(200, body, Duration.ZERO);
        }

        public static Reply status(int status, String body) {
            return new Reply(status, body, Duration.ZERO);
        }

        public Reply after(Duration wait) {
            return new Reply(status, body, wait);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Queue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Request, Reply> responder;

    private LlmProviderStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static LlmProviderStub start() {
        try {
            return new LlmProviderStub();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the provider stub", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}; Anthropic's base URL is this plus {@code /v1/}, OpenAI's plus {@code /v1}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public LlmProviderStub enqueue(Reply... scripted) {
        replies.addAll(List.of(scripted));
        return this;
    }

    /** Computes each reply from the request when nothing is scripted. */
    public LlmProviderStub respondWith(Function<Request, Reply> compute) {
        this.responder = compute;
        return this;
    }

    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    public void reset() {
        replies.clear();
        requests.clear();
        responder = null;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), body);
            requests.add(request);
            Reply reply = replies.poll();
            Function<Request, Reply> compute = responder;
            if (reply == null && compute != null) {
                reply = compute.apply(request);
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
            // the client gave up waiting (a timeout test): nothing left to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ------------------------------------------------------------- provider wire formats

    /** An Anthropic Messages API answer with the given usage (cache tokens reported apart from input, as Anthropic does). */
    public static String anthropic(String text, String stopReason, long input, long output, long cacheWrite,
                                   long cacheRead) {
        return JSON.writeValueAsString(Map.of("id", "msg_stub", "type", "message", "role", "assistant",
                "model", "claude-sonnet-4-5", "content", List.of(Map.of("type", "text", "text", text)),
                "stop_reason", stopReason, "usage", Map.of("input_tokens", input, "output_tokens", output,
                        "cache_creation_input_tokens", cacheWrite, "cache_read_input_tokens", cacheRead)));
    }

    /** An Anthropic error body, e.g. {@code overloaded_error} (sent with status 529). */
    public static String anthropicError(String type, String message) {
        return JSON.writeValueAsString(Map.of("type", "error", "error", Map.of("type", type, "message", message)));
    }

    /** An OpenAI chat completion with the given usage ({@code cached} counted inside the prompt tokens). */
    public static String openAi(String text, String finishReason, long prompt, long completion, long cached) {
        return JSON.writeValueAsString(Map.of("id", "chatcmpl-stub", "object", "chat.completion", "created", 1,
                "model", "gpt-4o-mini", "choices", List.of(Map.of("index", 0,
                        "message", Map.of("role", "assistant", "content", text), "finish_reason", finishReason)),
                "usage", Map.of("prompt_tokens", prompt, "completion_tokens", completion,
                        "total_tokens", prompt + completion,
                        "prompt_tokens_details", Map.of("cached_tokens", cached))));
    }

    public static String openAiError(String type, String message) {
        return JSON.writeValueAsString(Map.of("error", Map.of("type", type, "message", message)));
    }

    /**
     * Every text the request sends: an Anthropic request's {@code system} (a string or text blocks) and its messages'
     * content, or an OpenAI request's messages, joined by blank lines.
     */
    public static String promptText(Request request) {
        JsonNode root = request.json();
        StringBuilder text = new StringBuilder();
        appendText(root.path("system"), text);
        for (JsonNode message : root.path("messages")) {
            appendText(message.path("content"), text);
        }
        return text.toString();
    }

    private static void appendText(JsonNode node, StringBuilder text) {
        if (node.isString()) {
            text.append(node.asString()).append("\n\n");
        } else if (node.isArray()) {
            for (JsonNode block : node) {
                if (block.isString()) {
                    text.append(block.asString()).append("\n\n");
                } else if (block.path("text").isString()) {
                    text.append(block.path("text").asString()).append("\n\n");
                }
            }
        }
    }
}
