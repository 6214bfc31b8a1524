package org.jobsearch.llm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local stand-in for a provider's HTTP API: answers each request with the next scripted reply
 * (plain JSON, or server-sent events written one by one) and records what it was sent.
 */
final class ProviderStub implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    record Recorded(String method, String path, Map<String, String> headers, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    record Reply(int status, String contentType, String body, List<String> events, Duration delay) {

        static Reply json(int status, String body) {
            return new Reply(status, "application/json", body, null, Duration.ZERO);
        }

        /** Server-sent events, written and flushed one at a time; the stream then ends. */
        static Reply sse(List<String> events) {
            return new Reply(200, "text/event-stream", null, events, Duration.ZERO);
        }

        Reply after(Duration wait) {
            return new Reply(status, contentType, body, events, wait);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Queue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();

    private ProviderStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static ProviderStub start() {
        try {
            return new ProviderStub();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    ProviderStub enqueue(Reply... scripted) {
        replies.addAll(List.of(scripted));
        return this;
    }

    List<Recorded> requests() {
        return new ArrayList<>(requests);
    }

    void reset() {
        replies.clear();
        requests.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body));
            Reply reply = replies.poll();
            if (reply == null) {
                reply = Reply.json(500, "{\"error\":\"the stub has no scripted reply\"}");
            }
            if (!reply.delay().isZero()) {
                Thread.sleep(reply.delay().toMillis());
            }
            exchange.getResponseHeaders().add("Content-Type", reply.contentType());
            if (reply.events() != null) {
                exchange.sendResponseHeaders(reply.status(), 0);
                OutputStream out = exchange.getResponseBody();
                for (String event : reply.events()) {
                    out.write(event.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                return;
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (a timeout test): nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ------------------------------------------------------------- provider wire formats

    /** An Anthropic Messages API answer. */
    static String anthropicMessage(String text, String stopReason, int input, int output, int cacheWrite,
                                   int cacheRead) {
        Map<String, Object> usage = Map.of("input_tokens", input, "output_tokens", output,
                "cache_creation_input_tokens", cacheWrite, "cache_read_input_tokens", cacheRead);
        return JSON.writeValueAsString(Map.of("id", "msg_stub", "type", "message", "role", "assistant",
                "model", "claude-sonnet-4-5", "content", List.of(Map.of("type", "text", "text", text)),
                "stop_reason", stopReason, "usage", usage));
    }

    static String anthropicError(String type, String message) {
        return JSON.writeValueAsString(Map.of("type", "error", "error", Map.of("type", type, "message", message)));
    }

    /** An Anthropic stream: message_start, one text block in pieces, and (when {@code stopReason} is set) the end. */
    static List<String> anthropicStream(List<String> pieces, String stopReason, int input, int output, int cacheRead) {
        List<String> events = new ArrayList<>();
        events.add(event("message_start", Map.of("type", "message_start", "message", Map.of("id", "msg_stream",
                "type", "message", "role", "assistant", "model", "claude-sonnet-4-5", "content", List.of(),
                "usage", Map.of("input_tokens", input, "output_tokens", 1, "cache_creation_input_tokens", 0,
                        "cache_read_input_tokens", cacheRead)))));
        events.add(event("content_block_start", Map.of("type", "content_block_start", "index", 0,
                "content_block", Map.of("type", "text", "text", ""))));
        for (String piece : pieces) {
            events.add(event("content_block_delta", Map.of("type", "content_block_delta", "index", 0,
                    "delta", Map.of("type", "text_delta", "text", piece))));
        }
        if (stopReason != null) {
            events.add(event("content_block_stop", Map.of("type", "content_block_stop", "index", 0)));
            Map<String, Object> delta = new HashMap<>();
            delta.put("stop_reason", stopReason);
            delta.put("stop_sequence", null);
            events.add(event("message_delta", Map.of("type", "message_delta", "delta", delta,
                    "usage", Map.of("output_tokens", output))));
            events.add(event("message_stop", Map.of("type", "message_stop")));
        }
        return events;
    }

    private static String event(String name, Object data) {
        return "event: " + name + "\ndata: " + JSON.writeValueAsString(data) + "\n\n";
    }

    /** An OpenAI chat completion. */
    static String openAiCompletion(String text, String finishReason, int prompt, int completion, int cached) {
        return JSON.writeValueAsString(Map.of("id", "chatcmpl-stub", "object", "chat.completion", "created", 1,
                "model", "llama3.1", "choices", List.of(Map.of("index", 0,
                        "message", Map.of("role", "assistant", "content", text), "finish_reason", finishReason)),
                "usage", Map.of("prompt_tokens", prompt, "completion_tokens", completion,
                        "total_tokens", prompt + completion, "prompt_tokens_details", Map.of("cached_tokens", cached))));
    }

    /** An OpenAI chat completion stream, ending with a usage chunk and [DONE]. */
    static List<String> openAiStream(List<String> pieces, String finishReason, int prompt, int completion) {
        List<String> events = new ArrayList<>();
        for (String piece : pieces) {
            events.add(chunk(Map.of("role", "assistant", "content", piece), null));
        }
        events.add(chunk(Map.of(), finishReason));
        events.add("data: " + JSON.writeValueAsString(Map.of("id", "chatcmpl-stream", "object",
                "chat.completion.chunk", "created", 1, "model", "llama3.1", "choices", List.of(),
                "usage", Map.of("prompt_tokens", prompt, "completion_tokens", completion,
                        "total_tokens", prompt + completion))) + "\n\n");
        events.add("data: [DONE]\n\n");
        return events;
    }

    private static String chunk(Map<String, Object> delta, String finishReason) {
        Map<String, Object> choice = new HashMap<>();
        choice.put("index", 0);
        choice.put("delta", delta);
        choice.put("finish_reason", finishReason);
        return "data: " + JSON.writeValueAsString(Map.of("id", "chatcmpl-stream", "object", "chat.completion.chunk",
                "created", 1, "model", "llama3.1", "choices", List.of(choice))) + "\n\n";
    }
}
