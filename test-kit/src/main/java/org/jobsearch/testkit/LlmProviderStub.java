package org.jobsearch.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A local stand-in for an LLM provider's HTTP API (Anthropic Messages, OpenAI-compatible chat completions) on a free
 * loopback port, for tests that drive the real langchain4j clients, in-process or in another process (an app of the
 * end-to-end stack given this stub's {@link #url()} as its provider base URL). Each request gets the next scripted
 * reply, or, when nothing is scripted, the reply a {@linkplain #respondWith responder} computes from the request; it is
 * recorded either way. Without either, the answer is a 500. A reply is one JSON body, or server-sent events written
 * and flushed one at a time (a stream may end before its stop reason, or {@linkplain Reply#thenHold hold} the
 * connection open), optionally after a delay (a client timeout test).
 */
public final class LlmProviderStub implements AutoCloseable {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    /** How long a {@linkplain Reply#thenHold held} stream waits for {@link #release()} at the most. */
    private static final Duration MAX_HOLD = Duration.ofSeconds(60);

    /**
     * One request as received: the method, the path (e.g. {@code /v1/messages}), the headers (names in lower case,
     * repeated values joined by commas) and the body.
     */
    public record Request(String method, String path, Map<String, String> headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * @param body   a JSON body, or {@code null} for a stream
     * @param events server-sent events (each a complete {@code event:}/{@code data:} block), or {@code null}
     * @param delay  waited before answering (a client timeout test)
     * @param hold   after the events, keep the connection open until {@link #release()} (a provider that stops
     *               sending mid-stream)
     */
    public record Reply(int status, String body, List<String> events, Duration delay, boolean hold) {

        public static Reply ok(String body) {
            return status(200, body);
        }

        public static Reply status(int status, String body) {
            return new Reply(status, body, null, Duration.ZERO, false);
        }

        /** A 200 event stream; it ends after the last event (with or without a stop reason in it). */
        public static Reply sse(List<String> events) {
            return new Reply(200, null, List.copyOf(events), Duration.ZERO, false);
        }

        public Reply after(Duration wait) {
            return new Reply(status, body, events, wait, hold);
        }

        /** Sends the events, then nothing more, until {@link #release()}, {@link #close()} or a minute has passed. */
        public Reply thenHold() {
            if (events == null) {
                throw new IllegalStateException("only a stream can be held open");
            }
            return new Reply(status, body, events, delay, true);
        }
    }

    private final HttpServer server;
    // not a fixed pool: held streams and delayed replies must not keep other requests waiting
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Queue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Request, Reply> responder;
    private volatile CountDownLatch held = new CountDownLatch(1);

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

    /**
     * Computes each reply from the request when nothing is scripted. A responder that throws gets its request a 500
     * naming the exception.
     */
    public LlmProviderStub respondWith(Function<Request, Reply> compute) {
        this.responder = compute;
        return this;
    }

    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    /** Lets every held stream end (its client gave up on it long before). */
    public void release() {
        CountDownLatch current = held;
        held = new CountDownLatch(1);
        current.countDown();
    }

    /** Forgets the script, the responder and the recorded requests, and releases held streams. */
    public void reset() {
        replies.clear();
        requests.clear();
        responder = null;
        release();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(headers), body);
            requests.add(request);
            Reply reply = replies.poll();
            if (reply == null) {
                reply = compute(request);
            }
            if (!reply.delay().isZero()) {
                Thread.sleep(reply.delay().toMillis());
            }
            if (reply.events() == null) {
                byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(reply.status(), bytes.length);
                exchange.getResponseBody().write(bytes);
                return;
            }
            CountDownLatch release = held;
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(reply.status(), 0);
            OutputStream out = exchange.getResponseBody();
            for (String event : reply.events()) {
                out.write(event.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            if (reply.hold()) {
                release.await(MAX_HOLD.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up waiting (a timeout test): nothing left to answer
        }
    }

    private Reply compute(Request request) {
        Function<Request, Reply> compute = responder;
        if (compute == null) {
            return Reply.status(500, "{\"error\":\"the stub has no scripted reply\"}");
        }
        try {
            return compute.apply(request);
        } catch (RuntimeException e) {
            return Reply.status(500, JSON.writeValueAsString(Map.of("error", "the stub's responder failed: " + e)));
        }
    }

    @Override
    public void close() {
        release();
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

    /**
     * An Anthropic Messages stream: {@code message_start} (with the input usage), one text block sent in
     * {@code pieces}, and, when {@code stopReason} is set, the block's end, {@code message_delta} with the stop reason
     * and the output tokens, and {@code message_stop}. Without a stop reason the stream breaks off after the last
     * piece, as a dropped connection does.
     */
    public static List<String> anthropicStream(List<String> pieces, String stopReason, long input, long output,
                                               long cacheWrite, long cacheRead) {
        List<String> events = new ArrayList<>();
        events.add(event("message_start", Map.of("type", "message_start", "message", Map.of("id", "msg_stream",
                "type", "message", "role", "assistant", "model", "claude-sonnet-4-5", "content", List.of(),
                "usage", Map.of("input_tokens", input, "output_tokens", 1, "cache_creation_input_tokens", cacheWrite,
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

    /** An OpenAI chat completion stream: the pieces, the finish reason, a usage chunk and {@code [DONE]}. */
    public static List<String> openAiStream(List<String> pieces, String finishReason, long prompt, long completion) {
        List<String> events = new ArrayList<>();
        for (String piece : pieces) {
            events.add(chunk(Map.of("role", "assistant", "content", piece), null));
        }
        events.add(chunk(Map.of(), finishReason));
        events.add("data: " + JSON.writeValueAsString(Map.of("id", "chatcmpl-stream", "object",
                "chat.completion.chunk", "created", 1, "model", "gpt-4o-mini", "choices", List.of(),
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
                "created", 1, "model", "gpt-4o-mini", "choices", List.of(choice))) + "\n\n";
    }

    /**
     * Every text the request sends: an Anthropic request's {@code system} (a string or text blocks) and its messages'
     * content, or an OpenAI request's messages, joined by blank lines.
     */
    public static String promptText(Request request) {
        JsonNode root = request.json();
        StringBuilder text = new StringBuilder();
        appendText(root.path("system"), "\n\n", text);
        for (JsonNode message : root.path("messages")) {
            appendText(message.path("content"), "\n\n", text);
        }
        return text.toString();
    }

    /**
     * An Anthropic request's texts exactly as sent (nothing between them, so lengths count the characters a cost
     * benchmark prices): the system blocks, the part of them up to and including the last one marked
     * {@code cache_control} (empty without one: nothing is cached), and the messages' texts.
     */
    public record AnthropicPrompt(String system, String cachedPrefix, String messages) {

        public static AnthropicPrompt of(Request request) {
            JsonNode root = request.json();
            StringBuilder system = new StringBuilder();
            String cachedPrefix = "";
            JsonNode blocks = root.path("system");
            if (blocks.isString()) {
                system.append(blocks.asString());
            } else {
                for (JsonNode block : blocks) {
                    appendText(block, "", system);
                    if (block.has("cache_control")) {
                        cachedPrefix = system.toString();
                    }
                }
            }
            StringBuilder messages = new StringBuilder();
            for (JsonNode message : root.path("messages")) {
                appendText(message.path("content"), "", messages);
            }
            return new AnthropicPrompt(system.toString(), cachedPrefix, messages.toString());
        }

        /** The system and the messages, as one text. */
        public String all() {
            return system + messages;
        }
    }

    /** A string, a text block, or an array of strings and text blocks; each text followed by {@code separator}. */
    private static void appendText(JsonNode node, String separator, StringBuilder text) {
        if (node.isString()) {
            text.append(node.asString()).append(separator);
        } else if (node.isArray()) {
            for (JsonNode block : node) {
                appendText(block, separator, text);
            }
        } else if (node.path("text").isString()) {
            text.append(node.path("text").asString()).append(separator);
        }
    }
}
