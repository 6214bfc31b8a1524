package org.jobsearch.discovery.appliedjob;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jobsearch.discovery.DiscoveryIntegrationTest;
import org.jobsearch.discovery.TestUsers;
import org.jobsearch.events.EventHeaders;
import org.jobsearch.events.EventType;
import org.jobsearch.events.Topics;
import org.jobsearch.identity.CurrentUser;
import org.jobsearch.identity.IdentityProperties;
import org.jobsearch.messaging.inbox.InboxStats;
import org.jobsearch.testkit.SharedInfrastructure;
import org.jobsearch.testkit.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** tracker's {@code ApplicationStatusChanged}, produced straight to Kafka, as the user sees it through the API. */
@DiscoveryIntegrationTest
class AppliedJobProjectionTest {

    private static final String APPLIED_JOBS = "/api/discovery/applied-jobs";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    IdentityProperties identity;
    @Autowired
    InboxStats inbox;

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
    void appliedJobShowsUpForItsOwnerOnly() throws Exception {
        CurrentUser erin = TestUsers.user("erin");
        CurrentUser frank = TestUsers.user("frank");
        UUID applicationId = UUID.randomUUID();
        ObjectNode event = sample(erin, applicationId);

        send(event);

        await().atMost(PATIENCE).untilAsserted(() -> appliedJobs(erin)
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].applicationId").isEqualTo(applicationId.toString()));
        appliedJobs(erin)
                .jsonPath("$.page").isEqualTo(0)
                .jsonPath("$.size").isEqualTo(20)
                .jsonPath("$.items[0].company").isEqualTo("Litware")
                .jsonPath("$.items[0].title").isEqualTo("Platform Engineer II — Developer Infrastructure")
                .jsonPath("$.items[0].externalJobId").isEqualTo("PE-5521")
                .jsonPath("$.items[0].sourceListingId").isEqualTo("4a1e8c3b-2f6d-4b9a-8e7c-1d5f3a9b2c60")
                .jsonPath("$.items[0].status").isEqualTo("callback")
                .jsonPath("$.items[0].appliedAt").isEqualTo("2026-11-24T14:55:00Z");
        appliedJobs(frank)
                .jsonPath("$.total").isEqualTo(0)
                .jsonPath("$.items.length()").isEqualTo(0);
    }

    @Test
    void duplicateAndForeignEventsChangeNothing() throws Exception {
        CurrentUser grace = TestUsers.user("grace");
        CurrentUser mallory = TestUsers.user("mallory");
        UUID applicationId = UUID.randomUUID();
        ObjectNode created = sample(grace, applicationId);
        created.remove("previousStatus");
        created.put("status", "no_response");
        created.put("changedAt", "2026-11-20T09:00:00Z");
        send(created);
        await().atMost(PATIENCE).untilAsserted(() -> appliedJobs(grace)
                .jsonPath("$.items[0].status").isEqualTo("no_response"));
        long duplicatesBefore = inbox.duplicateCount();

        // the same event again, another user's event claiming the application, then the real callback:
        // one key, so they are consumed in this order, and seeing the callback means the others were handled
        send(created);
        ObjectNode forged = sample(mallory, applicationId);
        forged.put("status", "rejected");
        forged.put("changedAt", "2026-11-23T09:00:00Z");
        send(forged);
        ObjectNode callback = sample(grace, applicationId);
        callback.put("changedAt", "2026-11-22T09:00:00Z");
        send(callback);

        await().atMost(PATIENCE).untilAsserted(() -> appliedJobs(grace)
                .jsonPath("$.items[0].status").isEqualTo("callback"));
        appliedJobs(grace)
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].appliedAt").isEqualTo("2026-11-20T09:00:00Z");
        appliedJobs(mallory).jsonPath("$.total").isEqualTo(0);
        // the redelivered event is a duplicate for both handlers of ApplicationStatusChanged (this projection and
        // the listings' applied marking)
        assertThat(inbox.duplicateCount()).isEqualTo(duplicatesBefore + 2);
    }

    private RestTestClient.BodyContentSpec appliedJobs(CurrentUser user) {
        return http.get().uri(APPLIED_JOBS).header(HttpHeaders.AUTHORIZATION, users.bearer(user)).exchange()
                .expectStatus().isOk()
                .expectBody();
    }

    /** The golden sample (a callback) with fresh ids, for {@code owner}. */
    private static ObjectNode sample(CurrentUser owner, UUID applicationId) throws Exception {
        try (InputStream in = AppliedJobProjectionTest.class.getClassLoader()
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
