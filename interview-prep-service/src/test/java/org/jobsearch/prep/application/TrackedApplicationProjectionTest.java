package org.jobsearch.prep.application;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jobsearch.events.EventHeaders;
import org.jobsearch.events.EventType;
import org.jobsearch.events.Topics;
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
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** tracker's {@code ApplicationStatusChanged}, produced straight to Kafka, as the user sees it through the API. */
@InterviewPrepIntegrationTest
class TrackedApplicationProjectionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    IdentityProperties identity;

    RestTestClient http;
    TestUsers users;
    KafkaProducer<String, byte[]> producer;

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
    void applicationIsKnownToItsOwnerOnlyAndFollowsItsStatus() throws Exception {
        CurrentUser heidi = TestUsers.user("heidi");
        CurrentUser ivan = TestUsers.user("ivan");
        UUID applicationId = UUID.randomUUID();
        String path = "/api/prep/applications/" + applicationId;

        ObjectNode created = sample(heidi, applicationId);
        created.remove("previousStatus");
        created.put("status", "no_response");
        created.put("changedAt", "2026-11-20T09:00:00Z");
        send(created);
        await().atMost(PATIENCE).untilAsserted(() -> get(path, heidi).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("no_response"));

        send(sample(heidi, applicationId));
        await().atMost(PATIENCE).untilAsserted(() -> get(path, heidi).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("callback"));
        get(path, heidi).expectBody()
                .jsonPath("$.applicationId").isEqualTo(applicationId.toString())
                .jsonPath("$.company").isEqualTo("Litware")
                .jsonPath("$.title").isEqualTo("Platform Engineer II — Developer Infrastructure")
                .jsonPath("$.changedAt").isEqualTo("2026-11-24T14:55:00Z");

        get(path, ivan).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private RestTestClient.ResponseSpec get(String path, CurrentUser user) {
        return http.get().uri(path).header(HttpHeaders.AUTHORIZATION, users.bearer(user)).exchange();
    }

    /** The golden sample (a callback) with fresh ids, for {@code owner}. */
    private static ObjectNode sample(CurrentUser owner, UUID applicationId) throws Exception {
        try (InputStream in = TrackedApplicationProjectionTest.class.getClassLoader()
                .getResourceAsStream(EventType.APPLICATION_STATUS_CHANGED.sampleResource())) {
            ObjectNode event = (ObjectNode) JSON.readTree(in);
            event.put("eventId", UUID.randomUUID().toString());
            event.put("applicationId", applicationId.toString());
            event.put("jobId", UUID.randomUUID().toString());
            event.put("ownerId", owner.id().toString());
            return event;
        }
    }

    private void send(ObjectNode event) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.APPLICATION_EVENTS,
                event.get("applicationId").asString(), JSON.writeValueAsBytes(event));
        record.headers()
                .add(EventHeaders.CE_ID, event.get("eventId").asString().getBytes(StandardCharsets.UTF_8))
                .add(EventHeaders.CE_TYPE, EventType.APPLICATION_STATUS_CHANGED.typeName().getBytes(StandardCharsets.UTF_8))
                .add(EventHeaders.CE_SOURCE, "tracker-service".getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }
}
