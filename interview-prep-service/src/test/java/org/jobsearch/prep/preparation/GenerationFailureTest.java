package org.jobsearch.prep.preparation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jobsearch.events.EventHeaders;
import org.jobsearch.events.EventType;
import org.jobsearch.identity.CurrentUser;
import org.jobsearch.identity.IdentityProperties;
import org.jobsearch.prep.InterviewPrepIntegrationTest;
import org.jobsearch.prep.TestUsers;
import org.jobsearch.testkit.SharedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole service with the LLM generator (provider {@code anthropic}, llm-support's real langchain4j client) against
 * a local stub of Anthropic's streaming API that misbehaves: the generation must end {@code failed} with its reason,
 * and no document version may appear (nothing partial saved as complete). Events go through Kafka, results are read
 * through the REST API and the database.
 *
 * <p>This context has a database and consumer group of its own, so it also sees the other test classes' events: the
 * stub answers only requests whose job description carries this test's marker and fails every other one fast.
 */
@InterviewPrepIntegrationTest
class GenerationFailureTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(45);
    static final Stub ANTHROPIC = new Stub();

    @DynamicPropertySource
    static void llm(DynamicPropertyRegistry registry) {
        registry.add("jobsearch.llm.provider", () -> "anthropic");
        registry.add("jobsearch.llm.api-key", () -> "sk-ant-stub");
        registry.add("jobsearch.llm.base-url", () -> ANTHROPIC.url() + "/v1/");
        registry.add("jobsearch.llm.max-retries", () -> "0");
        // a provider that stops sending is given up after this long (production: 10m); long enough for a loaded CI box
        registry.add("jobsearch.llm.stream-timeout", () -> "10s");
    }

    @LocalServerPort
    int port;
    @Autowired
    IdentityProperties identity;
    @Autowired
    JdbcTemplate jdbc;

    RestTestClient http;
    TestUsers users;
    KafkaProducer<String, byte[]> producer;
    CurrentUser olga = TestUsers.user("olga");
    UUID applicationId = UUID.randomUUID();
    UUID jobId = UUID.randomUUID();
    String marker = "MARKER-" + UUID.randomUUID();

    @BeforeEach
    void setUp() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        users = new TestUsers(identity);
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    @AfterEach
    void tearDown() {
        producer.close();
        ANTHROPIC.release();
    }

    @AfterAll
    static void stop() {
        ANTHROPIC.server.stop(0);
    }

    @Test
    void sectionsMissingAfterTheRepair_failWithInvalidOutput_andNoBaseIsSaved() throws Exception {
        ANTHROPIC.script(marker, Reply.complete("# formatted_jd\nThe JD.\n# company_context\nPayments.\n"),
                Reply.complete("# primary_drivers\n**Spark**: both.\n"));

        JsonNode generation = callbackAndAwaitTheEnd();

        assertThat(generation.path("status").asString()).isEqualTo("failed");
        assertThat(generation.path("error").asString()).startsWith("INVALID_OUTPUT")
                .contains("background_narrative", "resume_defense_prep").doesNotContain("primary_drivers,");
        assertNothingSaved();
        assertThat(ANTHROPIC.requests(marker)).isEqualTo(2);
        assertThat(ledger()).containsExactly("ok", "ok");
    }

    @Test
    void providerStopsSendingMidStream_timesOut_andThePartialAnswerIsNotSaved() throws Exception {
        ANTHROPIC.script(marker, Reply.stalled("# formatted_jd\nThe JD.\n# company_context\nPayments.\n"
                + "# primary_drivers\n**Spark**: both.\n"));

        JsonNode generation = callbackAndAwaitTheEnd();

        assertThat(generation.path("status").asString()).isEqualTo("failed");
        assertThat(generation.path("error").asString()).contains("no complete answer within");
        assertNothingSaved();
        assertThat(ledger()).hasSize(1).doesNotContain("ok");
    }

    @Test
    void streamCutBeforeItsStopReason_isTruncated_evenWithEverySectionPresent() throws Exception {
        ANTHROPIC.script(marker, Reply.cut("# formatted_jd\nThe JD.\n# company_context\nPayments.\n"
                + "# primary_drivers\n**Spark**: both.\n# background_narrative\nI build.\n"
                + "# resume_defense_prep\n### Resume Bullet: \"x\"\nDefend it, and the next paragraph was"));

        JsonNode generation = callbackAndAwaitTheEnd();

        assertThat(generation.path("status").asString()).isEqualTo("failed");
        assertThat(generation.path("error").asString()).startsWith("TRUNCATED");
        assertNothingSaved();
        assertThat(ledger()).containsExactly("truncated");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** A callback for a job whose JD carries this test's marker; waits until the base generation has ended. */
    private JsonNode callbackAndAwaitTheEnd() throws Exception {
        ObjectNode jd = sample(EventType.JD_PARSED);
        jd.put("rawJd", jd.path("rawJd").asString() + "\n" + marker);
        send(EventType.JD_PARSED, jd);
        ObjectNode callback = sample(EventType.APPLICATION_STATUS_CHANGED);
        callback.put("applicationId", applicationId.toString());
        send(EventType.APPLICATION_STATUS_CHANGED, callback);
        return await().atMost(PATIENCE).ignoreExceptions()
                .until(() -> page().path("generations").path(0), g -> g.path("finishedAt").isString()
                        && !g.path("finishedAt").asString().isEmpty());
    }

    private void assertNothingSaved() {
        assertThat(page().path("base").isNull()).isTrue();
        byte[] versions = http.get().uri("/api/prep/applications/" + applicationId + "/base/versions")
                .header(HttpHeaders.AUTHORIZATION, users.bearer(olga)).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        assertThat(JSON.readTree(versions).size()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from prep_document where application_id = ?", Integer.class,
                applicationId)).isZero();
    }

    private List<String> ledger() {
        return jdbc.queryForList("select outcome from llm_call where application_id = ? order by created_at",
                String.class, applicationId);
    }

    private JsonNode page() {
        byte[] body = http.get().uri("/api/prep/applications/" + applicationId)
                .header(HttpHeaders.AUTHORIZATION, users.bearer(olga)).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    private ObjectNode sample(EventType type) throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(type.sampleResource())) {
            ObjectNode event = (ObjectNode) JSON.readTree(in);
            event.put("eventId", UUID.randomUUID().toString());
            event.put("ownerId", olga.id().toString());
            event.put("jobId", jobId.toString());
            return event;
        }
    }

    private void send(EventType type, ObjectNode event) throws Exception {
        String key = event.has("applicationId") ? event.get("applicationId").asString() : event.get("jobId").asString();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic(), key, JSON.writeValueAsBytes(event));
        record.headers()
                .add(EventHeaders.CE_ID, event.get("eventId").asString().getBytes(StandardCharsets.UTF_8))
                .add(EventHeaders.CE_TYPE, type.typeName().getBytes(StandardCharsets.UTF_8))
                .add(EventHeaders.CE_SOURCE, "test".getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }

    // ------------------------------------------------------------------------------------------------ the stub

    /** How the stub answers one request. */
    record Reply(String text, String ending) {
        /** Ends normally ({@code end_turn}). */
        static Reply complete(String text) {
            return new Reply(text, "end_turn");
        }

        /** Sends the text, then nothing more, keeping the connection open until the test is over. */
        static Reply stalled(String text) {
            return new Reply(text, "stall");
        }

        /** Sends the text, then closes the stream without a stop reason or {@code message_stop}. */
        static Reply cut(String text) {
            return new Reply(text, "cut");
        }
    }

    /** Anthropic's streaming Messages API, scripted per marker; requests without a known marker get a fast 400. */
    static final class Stub {
        final HttpServer server;
        final Map<String, Queue<Reply>> scripts = new ConcurrentHashMap<>();
        final Map<String, Integer> counts = new ConcurrentHashMap<>();
        volatile CountDownLatch stalled = new CountDownLatch(1);

        Stub() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", this::answer);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void script(String marker, Reply... replies) {
            scripts.put(marker, new ConcurrentLinkedQueue<>(List.of(replies)));
        }

        int requests(String marker) {
            return counts.getOrDefault(marker, 0);
        }

        /** Lets stalled streams end (the client gave up on them long before). */
        void release() {
            stalled.countDown();
            stalled = new CountDownLatch(1);
        }

        private void answer(HttpExchange exchange) throws IOException {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String marker = scripts.keySet().stream().filter(body::contains).findFirst().orElse(null);
                Reply reply = marker == null ? null : scripts.get(marker).poll();
                if (reply == null) {
                    byte[] error = ("{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\","
                            + "\"message\":\"not this test's request\"}}").getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(400, error.length);
                    exchange.getResponseBody().write(error);
                    return;
                }
                counts.merge(marker, 1, Integer::sum);
                CountDownLatch release = stalled;
                exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                List<String> events = LlmPrepGeneratorTest.stream(List.of(reply.text()),
                        reply.ending().equals("end_turn") ? "end_turn" : "max_tokens");
                // message_start, block start, the text; the ending decides the rest
                for (String event : events.subList(0, 3)) {
                    out.write(event.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                switch (reply.ending()) {
                    case "end_turn" -> {
                        for (String event : events.subList(3, events.size())) {
                            out.write(event.getBytes(StandardCharsets.UTF_8));
                        }
                        out.flush();
                    }
                    case "stall" -> {
                        try {
                            release.await(60, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    default -> {
                        // "cut": the response ends here, without message_delta's stop reason or message_stop
                    }
                }
            } catch (IOException e) {
                // the client hung up on a stalled stream: expected
            }
        }
    }
}
