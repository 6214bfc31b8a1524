package org.jobsearch.discovery.ats;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one way the ATS clients reach the network: every URI (redirect targets included) is checked against the
 * allow-list first, each request goes through its host's {@link HostScheduler} gate, and timeouts, 429 and 5xx
 * are retried with exponential back-off or the server's {@code Retry-After}. 404/410 mean "not found", other 4xx
 * fail at once, and a body that is not JSON is a failure, never a retry.
 */
final class AtsHttp {

    private static final Logger log = LoggerFactory.getLogger(AtsHttp.class);
    private static final int MAX_REDIRECTS = 5;

    private final HttpClient client;
    private final HostAllowList allowList;
    private final HostScheduler scheduler;
    private final AtsProperties properties;
    private final Clock clock;
    private final Sleeper sleeper;
    private final JsonMapper json = JsonMapper.builder().build();
    /** Reads one value of a token stream as a tree; the rest of the stream follows, so trailing tokens are normal. */
    private final ObjectReader element = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build().reader();

    AtsHttp(HttpClient client, HostAllowList allowList, HostScheduler scheduler, AtsProperties properties, Clock clock,
            Sleeper sleeper) {
        this.client = client;
        this.allowList = allowList;
        this.scheduler = scheduler;
        this.properties = properties;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    static AtsHttp create(AtsProperties properties, HostScheduler scheduler, Clock clock, Sleeper sleeper) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                // redirects are followed by hand, each target checked against the allow-list
                .followRedirects(HttpClient.Redirect.NEVER)
                // one request at a time per host gains nothing from HTTP/2; 1.1 also spares http mirrors an h2c upgrade
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        return new AtsHttp(client, new HostAllowList(properties.extraAllowedHosts()), scheduler, properties, clock,
                sleeper);
    }

    JsonMapper json() {
        return json;
    }

    /** Whether a request to {@code uri} would be refused, and why; null when it is allowed. */
    String refusal(URI uri) {
        return allowList.refusal(uri);
    }

    JsonNode getJson(URI uri, Map<String, String> headers) throws InterruptedException {
        return parse(uri, exchange("GET", uri, headers, null, HttpResponse.BodyHandlers.ofString()));
    }

    JsonNode postJson(URI uri, Map<String, String> headers, String body) throws InterruptedException {
        return parse(uri, exchange("POST", uri, headers, body, HttpResponse.BodyHandlers.ofString()));
    }

    /** Reads a JSON document token by token; what it returns is what {@link #streamJson} returns. */
    @FunctionalInterface
    interface StreamReader<T> {
        T read(JsonParser parser) throws InterruptedException;
    }

    /**
     * GETs a whole-board document and hands it to {@code reader} as a token stream, so a board of any size is never
     * a tree in memory. The body is spooled to a temporary file first (deleted afterwards): the read timeout then
     * still bounds the whole transfer, and a retry starts from an empty file.
     */
    <T> T streamJson(URI uri, Map<String, String> headers, StreamReader<T> reader) throws InterruptedException {
        Path spool;
        try {
            spool = Files.createTempFile("ats-", ".json");
        } catch (IOException e) {
            throw new AtsFetchException(FetchResult.Outcome.FAILED, "cannot spool the response from " + hostKey(uri)
                    + ": " + e.getMessage(), e);
        }
        try {
            HttpResponse<Path> response = exchange("GET", uri, headers, null, HttpResponse.BodyHandlers.ofFile(spool,
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING));
            checkStatus(uri, response.statusCode());
            try (JsonParser parser = json.createParser(spool.toFile())) {
                if (parser.nextToken() == null) {
                    throw new AtsFetchException(FetchResult.Outcome.FAILED, "malformed JSON from " + hostKey(uri)
                            + ": empty body");
                }
                return reader.read(parser);
            } catch (JacksonException malformed) {
                throw new AtsFetchException(FetchResult.Outcome.FAILED, "malformed JSON from " + hostKey(uri) + ": "
                        + malformed.getOriginalMessage());
            }
        } finally {
            try {
                Files.deleteIfExists(spool);
            } catch (IOException e) {
                log.warn("could not delete {}: {}", spool, e.getMessage());
            }
        }
    }

    /**
     * A whole board that is one array at top-level {@code field} of the response: each element that {@code posting}
     * maps (null to skip it) goes to {@code out}, until the board ends or {@code out} wants no more.
     */
    void streamBoard(URI uri, String field, Batches out, java.util.function.Function<JsonNode, Posting> posting)
            throws InterruptedException {
        streamJson(uri, Map.of(), parser -> {
            forEachInArray(parser, field, hostKey(uri), element -> add(out, posting.apply(element)));
            return null;
        });
        out.flush();
    }

    /** Adds a mapped posting to {@code out} (null: skipped); whether to go on. */
    static boolean add(Batches out, Posting posting) {
        return posting == null ? out.wantsMore() : out.add(posting);
    }

    /**
     * Calls {@code each} with every element of the array at top-level {@code field} of the object the parser is on
     * (its first token read), one element tree at a time; other fields are skipped.
     */
    void forEachInArray(JsonParser parser, String field, String host, ElementHandler each)
            throws InterruptedException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new AtsFetchException(FetchResult.Outcome.FAILED, "unexpected response from " + host
                    + ": no '" + field + "' array");
        }
        boolean found = false;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals(name) && value == JsonToken.START_ARRAY) {
                found = true;
                if (!forEachElement(parser, each)) {
                    return;
                }
            } else {
                parser.skipChildren();
            }
        }
        if (!found) {
            throw new AtsFetchException(FetchResult.Outcome.FAILED, "unexpected response from " + host
                    + ": no '" + field + "' array");
        }
    }

    /** With the parser on an array's start: {@code each} per element until the end or until it says stop. */
    boolean forEachElement(JsonParser parser, ElementHandler each) throws InterruptedException {
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new AtsFetchException(FetchResult.Outcome.FAILED, "malformed JSON: the array never ends");
            }
            if (!each.accept(readValue(parser))) {
                return false;
            }
        }
        return true;
    }

    /** The value the parser is on, as a tree; the parser then stands on its last token. */
    JsonNode readValue(JsonParser parser) {
        return element.readTree(parser);
    }

    @FunctionalInterface
    interface ElementHandler {
        /** @return whether to go on */
        boolean accept(JsonNode element) throws InterruptedException;
    }

    /** The host key {@link HostScheduler} uses for {@code uri}: {@code host[:port]}. */
    static String hostKey(URI uri) {
        String host = uri.getHost() == null ? String.valueOf(uri.getAuthority()) : uri.getHost();
        return (uri.getPort() == -1 ? host : host + ":" + uri.getPort()).toLowerCase(Locale.ROOT);
    }

    private <T> HttpResponse<T> exchange(String method, URI uri, Map<String, String> headers, String body,
                                         HttpResponse.BodyHandler<T> handler) throws InterruptedException {
        URI target = uri;
        String currentMethod = method;
        String currentBody = body;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            allowList.check(target);
            HttpRequest request = request(currentMethod, target, headers, currentBody);
            HttpResponse<T> response = scheduler.request(hostKey(target), () -> withRetries(request, handler));
            int status = response.statusCode();
            if (status < 300 || status >= 400 || status == 304) {
                return response;
            }
            Optional<String> location = response.headers().firstValue("Location");
            if (location.isEmpty()) {
                throw new AtsFetchException(FetchResult.Outcome.FAILED,
                        "HTTP " + status + " without Location from " + hostKey(target));
            }
            target = target.resolve(location.get().strip());
            if (status == 303 || ((status == 301 || status == 302) && currentMethod.equals("POST"))) {
                currentMethod = "GET";
                currentBody = null;
            }
        }
        throw new AtsFetchException(FetchResult.Outcome.FAILED, "more than " + MAX_REDIRECTS + " redirects from " + uri);
    }

    private HttpRequest request(String method, URI uri, Map<String, String> headers, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(properties.readTimeout())
                .header("User-Agent", properties.userAgent())
                .header("Accept", "application/json");
        headers.forEach(builder::header);
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json");
            builder.method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return builder.build();
    }

    /** Runs inside the host's gate: while a host asks us to back off, nothing else is sent to it. */
    private <T> HttpResponse<T> withRetries(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        String host = hostKey(request.uri());
        for (int attempt = 1; ; attempt++) {
            String transientFailure;
            Duration retryAfter = null;
            try {
                HttpResponse<T> response = send(request, handler);
                int status = response.statusCode();
                if (status != 429 && status < 500) {
                    return response;
                }
                transientFailure = "HTTP " + status;
                retryAfter = retryAfter(response).orElse(null);
            } catch (TimeoutException | HttpTimeoutException timeout) {
                transientFailure = "timed out after " + properties.readTimeout();
            } catch (IOException io) {
                transientFailure = io.getClass().getSimpleName() + (io.getMessage() == null ? "" : ": " + io.getMessage());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AtsFetchException(FetchResult.Outcome.FAILED, "interrupted while fetching from " + host);
            }
            if (attempt >= properties.maxAttempts()) {
                throw new AtsFetchException(FetchResult.Outcome.FAILED,
                        transientFailure + " from " + host + " after " + attempt + " attempt(s)");
            }
            Duration wait = retryAfter != null ? min(retryAfter, properties.maxRetryAfter()) : backoff(attempt);
            log.debug("{} from {} (attempt {}), retrying in {}", transientFailure, host, attempt, wait);
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AtsFetchException(FetchResult.Outcome.FAILED, "interrupted while backing off from " + host);
            }
        }
    }

    /** The whole exchange, body included, bounded by the read timeout. */
    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException, TimeoutException {
        CompletableFuture<HttpResponse<T>> future = client.sendAsync(request, handler);
        try {
            return future.get(properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException timeout) {
            future.cancel(true);
            throw timeout;
        } catch (InterruptedException interrupted) {
            future.cancel(true);
            throw interrupted;
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new AtsFetchException(FetchResult.Outcome.FAILED,
                    "request to " + hostKey(request.uri()) + " failed: " + cause, cause);
        }
    }

    private Duration backoff(int attempt) {
        long base = properties.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, properties.maxBackoff().toMillis());
        long jitter = (long) (capped * 0.1 * ThreadLocalRandom.current().nextDouble());
        return Duration.ofMillis(capped + jitter);
    }

    /** {@code Retry-After} as delta-seconds or an HTTP date; absent or unreadable: empty. */
    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After").map(String::strip);
        if (header.isEmpty() || header.get().isEmpty()) {
            return Optional.empty();
        }
        String value = header.get();
        if (value.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Duration until = Duration.between(clock.instant(),
                    ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private JsonNode parse(URI uri, HttpResponse<String> response) {
        checkStatus(uri, response.statusCode());
        String host = hostKey(uri);
        try {
            JsonNode node = json.readTree(response.body());
            if (node == null || node.isMissingNode() || !node.isContainer()) {
                throw new AtsFetchException(FetchResult.Outcome.FAILED, "malformed JSON from " + host
                        + ": not an object or array");
            }
            return node;
        } catch (JacksonException malformed) {
            throw new AtsFetchException(FetchResult.Outcome.FAILED, "malformed JSON from " + host + ": "
                    + malformed.getOriginalMessage());
        }
    }

    private static void checkStatus(URI uri, int status) {
        String host = hostKey(uri);
        if (status == 404 || status == 410) {
            throw new AtsFetchException(FetchResult.Outcome.NOT_FOUND, "board not found: HTTP " + status + " from "
                    + host + " for " + uri.getRawPath());
        }
        if (status < 200 || status >= 300) {
            throw new AtsFetchException(FetchResult.Outcome.FAILED, "HTTP " + status + " from " + host + " for "
                    + uri.getRawPath());
        }
    }
}
