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
import org.jobsearch.testkit.SharedInfrastructure;
import org.jobsearch.testkit.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Events produced straight to Kafka from the golden samples (fresh ids), prep observed through the REST API. */
@InterviewPrepIntegrationTest
class PreparationFlowTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

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
    }

    @Test
    void callbackBeforeJdParsed_basePrepAppearsOnceTheJobContextArrives() throws Exception {
        send(EventType.APPLICATION_STATUS_CHANGED, callback(olga));
        await().atMost(PATIENCE).ignoreExceptions().until(() -> page(olga).path("generations").path(0).path("status").asString(),
                status -> status.equals("waiting"));
        assertThat(page(olga).path("base").isNull()).isTrue();

        send(EventType.RESUME_RENDERED, resume(olga));
        send(EventType.JD_PARSED, jd(olga));

        JsonNode base = await().atMost(PATIENCE).ignoreExceptions().until(() -> page(olga).path("base"), b -> !b.isNull());
        assertThat(base.path("version").asInt()).isEqualTo(1);
        assertThat(base.path("generator").asString()).isEqualTo("offline");
        assertThat(base.path("sections").path("resumeDefense").asString()).contains("Migrated 45 services");
        assertThat(page(olga).path("generations").path(0).path("status").asString()).isEqualTo("done");
    }

    @Test
    void interviewScheduledWithoutBase_generatesTheBaseFirst_andOthersSeeNothing() throws Exception {
        send(EventType.JD_PARSED, jd(olga));
        send(EventType.APPLICATION_STATUS_CHANGED, created(olga));
        UUID interviewId = UUID.randomUUID();
        send(EventType.INTERVIEW_SCHEDULED, interview(olga, interviewId, "technical_screen", "system_design",
                "2026-12-01T17:00:00Z"));

        JsonNode prep = await().atMost(PATIENCE).ignoreExceptions().until(() -> page(olga).path("interviews").path(0).path("prep"),
                p -> !p.isNull());
        assertThat(prep.path("sections").path("predictedQuestions").asString()).contains("Design a platform");
        assertThat(page(olga).path("base").path("version").asInt()).isEqualTo(1);

        CurrentUser mallory = TestUsers.user("mallory");
        get("/api/prep/applications/" + applicationId, mallory).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.put().uri("/api/prep/interviews/" + interviewId + "/debrief")
                .header(HttpHeaders.AUTHORIZATION, users.bearer(mallory)).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("questionsAsked", "x")).exchange().expectStatus().isNotFound();
        http.post().uri("/api/prep/interviews/" + interviewId + "/regenerate")
                .header(HttpHeaders.AUTHORIZATION, users.bearer(mallory)).exchange().expectStatus().isNotFound();

        // an event naming another owner for olga's interview changes nothing
        send(EventType.INTERVIEW_SCHEDULED, interview(mallory, interviewId, "recruiter_screen", null,
                "2026-12-02T17:00:00Z"));
        send(EventType.INTERVIEW_SCHEDULED, interview(olga, UUID.randomUUID(), "recruiter_screen", null,
                "2026-11-28T17:00:00Z"));
        await().atMost(PATIENCE).ignoreExceptions().until(() -> page(olga).path("interviews").size(), n -> n == 2);
        assertThat(page(olga).path("interviews").path(1).path("interview").path("stage").asString())
                .isEqualTo("technical_screen");
    }

    @Test
    void regenerateKeepsVersions_editMakesAnEditedVersion_debriefFeedsTheNextRound() throws Exception {
        send(EventType.JD_PARSED, jd(olga));
        send(EventType.RESUME_RENDERED, resume(olga));
        send(EventType.APPLICATION_STATUS_CHANGED, callback(olga));
        await().atMost(PATIENCE).ignoreExceptions().until(() -> page(olga).path("base"), b -> !b.isNull());

        post("/api/prep/applications/" + applicationId + "/base/regenerate").expectStatus().isAccepted();
        await().atMost(PATIENCE).ignoreExceptions().until(() -> page(olga).path("base").path("version").asInt(), v -> v == 2);
        http.put().uri("/api/prep/applications/" + applicationId + "/base/sections/companyContext")
                .header(HttpHeaders.AUTHORIZATION, users.bearer(olga)).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("markdown", "My own notes")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(3).jsonPath("$.editedSection").isEqualTo("companyContext")
                .jsonPath("$.sections.companyContext").isEqualTo("My own notes");
        http.put().uri("/api/prep/applications/" + applicationId + "/base/sections/prepPlan")
                .header(HttpHeaders.AUTHORIZATION, users.bearer(olga)).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("markdown", "x")).exchange().expectStatus().isBadRequest();
        get("/api/prep/applications/" + applicationId + "/base/versions", olga).expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(3).jsonPath("$[2].version").isEqualTo(1);

        UUID first = UUID.randomUUID();
        send(EventType.INTERVIEW_SCHEDULED, interview(olga, first, "technical_screen", "system_design",
                "2026-12-01T17:00:00Z"));
        await().atMost(PATIENCE).ignoreExceptions().until(() -> page(olga).path("interviews").path(0).path("prep"), p -> !p.isNull());
        http.put().uri("/api/prep/interviews/" + first + "/debrief")
                .header(HttpHeaders.AUTHORIZATION, users.bearer(olga)).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("questionsAsked", "How do you manage Terraform state?",
                        "selfReflection", "Weak on Terraform state locking"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.selfReflection")
                .isEqualTo("Weak on Terraform state locking");

        UUID second = UUID.randomUUID();
        send(EventType.INTERVIEW_SCHEDULED, interview(olga, second, "final_loop", "system_design",
                "2026-12-10T17:00:00Z"));
        JsonNode next = await().atMost(PATIENCE).ignoreExceptions().until(() -> page(olga).path("interviews").path(1).path("prep"),
                p -> !p.isNull());
        assertThat(next.path("sections").path("prepPlan").asString()).contains("Weak on Terraform state locking");
        assertThat(page(olga).path("base").path("version").asInt()).isEqualTo(3);

        post("/api/prep/interviews/" + second + "/regenerate").expectStatus().isAccepted();
        await().atMost(PATIENCE).ignoreExceptions().until(() -> versions(second).size(), n -> n == 2);
    }

    /**
     * Kafka delivers at least once: the same callback and the same InterviewScheduled each arrive twice (same event
     * id), then once more under new event ids with unchanged facts (a producer re-sending after a lost ack). The
     * documented rule: a callback generates the base only when there is none and none under way; an interview
     * generates only with no prep yet or a changed stage, focus or interviewer title. So: one version of each.
     */
    @Test
    void duplicateAndRedeliveredEvents_generateOneBaseAndOneInterviewPrep() throws Exception {
        send(EventType.JD_PARSED, jd(olga));
        send(EventType.RESUME_RENDERED, resume(olga));
        ObjectNode callback = callback(olga);
        send(EventType.APPLICATION_STATUS_CHANGED, callback);
        send(EventType.APPLICATION_STATUS_CHANGED, callback);
        await().atMost(PATIENCE).ignoreExceptions().until(() -> page(olga).path("base"), b -> !b.isNull());

        UUID interviewId = UUID.randomUUID();
        ObjectNode scheduled = interview(olga, interviewId, "technical_screen", "system_design",
                "2026-12-01T17:00:00Z");
        send(EventType.INTERVIEW_SCHEDULED, scheduled);
        send(EventType.INTERVIEW_SCHEDULED, scheduled);
        await().atMost(PATIENCE).ignoreExceptions().until(() -> page(olga).path("interviews").path(0).path("prep"),
                p -> !p.isNull());

        ObjectNode callbackAgain = callback.deepCopy().put("eventId", UUID.randomUUID().toString());
        ObjectNode scheduledAgain = scheduled.deepCopy().put("eventId", UUID.randomUUID().toString());
        send(EventType.APPLICATION_STATUS_CHANGED, callbackAgain);
        send(EventType.INTERVIEW_SCHEDULED, scheduledAgain);
        // a later change on the same partition (same key): once it shows, every event before it has been handled
        ObjectNode rejected = callback(olga).put("previousStatus", "callback").put("status", "rejected")
                .put("changedAt", "2026-11-25T09:00:00Z");
        send(EventType.APPLICATION_STATUS_CHANGED, rejected);
        await().atMost(PATIENCE).ignoreExceptions().until(() -> page(olga).path("status").asString(),
                s -> s.equals("rejected"));
        // and a generation recorded by them would have been claimed by now: wait until none is open
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject("""
                select count(*) from prep_generation where application_id = ? and status <> 'done'""",
                Integer.class, applicationId), n -> n == 0);

        get("/api/prep/applications/" + applicationId + "/base/versions", olga).expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1);
        assertThat(versions(interviewId).size()).isEqualTo(1);
        assertThat(jdbc.queryForList("""
                select coalesce(interview_id::text, 'base') from prep_document where application_id = ?
                order by 1""", String.class, applicationId)).containsExactlyInAnyOrder("base", interviewId.toString());
        assertThat(jdbc.queryForList("""
                select coalesce(interview_id::text, 'base') || ' ' || reason from prep_generation
                where application_id = ?""", String.class, applicationId))
                .containsExactlyInAnyOrder("base callback", interviewId + " scheduled");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private JsonNode versions(UUID interviewId) {
        byte[] body = get("/api/prep/interviews/" + interviewId + "/versions", olga).expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    private JsonNode page(CurrentUser user) {
        byte[] body = get("/api/prep/applications/" + applicationId, user).expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    private RestTestClient.ResponseSpec get(String path, CurrentUser user) {
        return http.get().uri(path).header(HttpHeaders.AUTHORIZATION, users.bearer(user)).exchange();
    }

    private RestTestClient.ResponseSpec post(String path) {
        return http.post().uri(path).header(HttpHeaders.AUTHORIZATION, users.bearer(olga)).exchange();
    }

    private ObjectNode callback(CurrentUser owner) throws Exception {
        ObjectNode event = sample(EventType.APPLICATION_STATUS_CHANGED, owner);
        event.put("applicationId", applicationId.toString());
        return event;
    }

    private ObjectNode created(CurrentUser owner) throws Exception {
        ObjectNode event = callback(owner);
        event.remove("previousStatus");
        event.put("status", "no_response");
        return event;
    }

    private ObjectNode jd(CurrentUser owner) throws Exception {
        return sample(EventType.JD_PARSED, owner);
    }

    private ObjectNode resume(CurrentUser owner) throws Exception {
        ObjectNode event = sample(EventType.RESUME_RENDERED, owner);
        event.put("resumeId", UUID.randomUUID().toString());
        return event;
    }

    private ObjectNode interview(CurrentUser owner, UUID interviewId, String stage, String focus, String at)
            throws Exception {
        ObjectNode event = sample(EventType.INTERVIEW_SCHEDULED, owner);
        event.put("applicationId", applicationId.toString());
        event.put("interviewId", interviewId.toString());
        event.put("stage", stage);
        if (focus == null) {
            event.remove("focus");
        } else {
            event.put("focus", focus);
        }
        event.put("scheduledAt", at);
        return event;
    }

    /** The golden sample with a fresh event id, this test's job id, for {@code owner}. */
    private ObjectNode sample(EventType type, CurrentUser owner) throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(type.sampleResource())) {
            ObjectNode event = (ObjectNode) JSON.readTree(in);
            event.put("eventId", UUID.randomUUID().toString());
            event.put("ownerId", owner.id().toString());
            event.put("jobId", jobId.toString());
            return event;
        }
    }

    private void send(EventType type, ObjectNode event) throws Exception {
        String key = event.has("applicationId") ? event.get("applicationId").asString()
                : event.has("resumeId") ? event.get("resumeId").asString() : event.get("jobId").asString();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic(), key, JSON.writeValueAsBytes(event));
        record.headers()
                .add(EventHeaders.CE_ID, event.get("eventId").asString().getBytes(StandardCharsets.UTF_8))
                .add(EventHeaders.CE_TYPE, type.typeName().getBytes(StandardCharsets.UTF_8))
                .add(EventHeaders.CE_SOURCE, "test".getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }
}
