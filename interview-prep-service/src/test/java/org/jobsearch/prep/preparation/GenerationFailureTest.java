package org.jobsearch.prep.preparation;

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
import org.jobsearch.testkit.LlmProviderStub;
import org.jobsearch.testkit.LlmProviderStub.Reply;
import org.jobsearch.testkit.SharedInfrastructure;
import org.jobsearch.testkit.TestHttp;
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

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

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
    /** Replies scripted per marker (a test's job description carries its marker). */
    static final Map<String, Queue<Reply>> SCRIPTS = new ConcurrentHashMap<>();
    static final LlmProviderStub ANTHROPIC = LlmProviderStub.start().respondWith(GenerationFailureTest::answer);

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
        http = TestHttp.client(port);
        users = new TestUsers(identity);
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    @AfterEach
    void tearDown() {
        producer.close();
        SCRIPTS.remove(marker);
        ANTHROPIC.release();
    }

    @AfterAll
    static void stop() {
        ANTHROPIC.close();
    }

    @Test
    void sectionsMissingAfterTheRepair_failWithInvalidOutput_andNoBaseIsSaved() throws Exception {
        script(complete("# formatted_jd\nThe JD.\n# company_context\nPayments.\n"),
                complete("# primary_drivers\n**Spark**: both.\n"));

        JsonNode generation = callbackAndAwaitTheEnd();

        assertThat(generation.path("status").asString()).isEqualTo("failed");
        assertThat(generation.path("error").asString()).startsWith("INVALID_OUTPUT")
                .contains("background_narrative", "resume_defense_prep").doesNotContain("primary_drivers,");
        assertNothingSaved();
        assertThat(ANTHROPIC.requests()).filteredOn(request -> request.body().contains(marker)).hasSize(2);
        assertThat(ledger()).containsExactly("ok", "ok");
    }

    @Test
    void providerStopsSendingMidStream_timesOut_andThePartialAnswerIsNotSaved() throws Exception {
        script(stalled("# formatted_jd\nThe JD.\n# company_context\nPayments.\n"
                + "# primary_drivers\n**Spark**: both.\n"));

        JsonNode generation = callbackAndAwaitTheEnd();

        assertThat(generation.path("status").asString()).isEqualTo("failed");
        assertThat(generation.path("error").asString()).contains("no complete answer within");
        assertNothingSaved();
        assertThat(ledger()).hasSize(1).doesNotContain("ok");
    }

    @Test
    void streamCutBeforeItsStopReason_isTruncated_evenWithEverySectionPresent() throws Exception {
        script(cut("# formatted_jd\nThe JD.\n# company_context\nPayments.\n"
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

    private void script(Reply... replies) {
        SCRIPTS.put(marker, new ConcurrentLinkedQueue<>(List.of(replies)));
    }

    /** The next scripted reply for the request's marker; any other request gets a fast 400. */
    private static Reply answer(LlmProviderStub.Request request) {
        Reply reply = SCRIPTS.entrySet().stream().filter(script -> request.body().contains(script.getKey()))
                .findFirst().map(script -> script.getValue().poll()).orElse(null);
        return reply != null ? reply : Reply.status(400,
                LlmProviderStub.anthropicError("invalid_request_error", "not this test's request"));
    }

    /** Streams the text and ends normally ({@code end_turn}). */
    private static Reply complete(String text) {
        return Reply.sse(LlmProviderStub.anthropicStream(List.of(text), "end_turn", 900, 120, 0, 0));
    }

    /** Streams the text, then nothing more, keeping the connection open until the test is over. */
    private static Reply stalled(String text) {
        return cut(text).thenHold();
    }

    /** Streams the text, then closes the stream without a stop reason or {@code message_stop}. */
    private static Reply cut(String text) {
        return Reply.sse(LlmProviderStub.anthropicStream(List.of(text), null, 900, 0, 0, 0));
    }
}
