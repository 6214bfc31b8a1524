package org.jobsearch.tracker;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jobsearch.events.EventHeaders;
import org.jobsearch.events.EventType;
import org.jobsearch.identity.CurrentUser;
import org.jobsearch.testkit.SharedInfrastructure;
import org.jobsearch.testkit.TopicReader;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** What the tracker's service tests share: HTTP calls as a user, events in (produced to Kafka), events out. */
public final class TrackerTestSupport implements AutoCloseable {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private final RestTestClient http;
    private final TestUsers users;
    private KafkaProducer<String, byte[]> producer;

    public TrackerTestSupport(RestTestClient http, TestUsers users) {
        this.http = http;
        this.users = users;
    }

    public RestTestClient.ResponseSpec get(CurrentUser user, String path, Object... uriVariables) {
        return http.get().uri(path, uriVariables).header(HttpHeaders.AUTHORIZATION, users.bearer(user)).exchange();
    }

    public RestTestClient.ResponseSpec post(CurrentUser user, String path, String body) {
        return http.post().uri(path).header(HttpHeaders.AUTHORIZATION, users.bearer(user))
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    public RestTestClient.ResponseSpec put(CurrentUser user, String path, String body) {
        return http.put().uri(path).header(HttpHeaders.AUTHORIZATION, users.bearer(user))
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    /** The body of a response that must have {@code status}. */
    public static JsonNode json(RestTestClient.ResponseSpec response, int status) {
        String body = response.expectStatus().isEqualTo(status).returnResult(String.class).getResponseBody();
        return JSON.readTree(body);
    }

    /** A golden sample with fresh ids, to edit before sending. */
    public static ObjectNode sample(EventType type, CurrentUser owner) {
        try (InputStream in = TrackerTestSupport.class.getClassLoader().getResourceAsStream(type.sampleResource())) {
            ObjectNode event = (ObjectNode) JSON.readTree(in);
            event.put("eventId", UUID.randomUUID().toString());
            event.put("ownerId", owner.id().toString());
            return event;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Produces {@code event} as resume-service's relay would: keyed, with the CloudEvents headers. */
    public void send(EventType type, String key, ObjectNode event) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic(), key, JSON.writeValueAsBytes(event));
        record.headers()
                .add(EventHeaders.CE_ID, event.get("eventId").asString().getBytes(StandardCharsets.UTF_8))
                .add(EventHeaders.CE_TYPE, type.typeName().getBytes(StandardCharsets.UTF_8))
                .add(EventHeaders.CE_SOURCE, "resume-service".getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not produce " + type.typeName(), e);
        }
    }

    /**
     * The records on {@code topic} keyed {@code key} and of {@code type}, in order, once there are {@code count}
     * of them; then waits briefly to prove no more follow.
     */
    public static List<ConsumerRecord<String, byte[]>> published(String topic, String key, EventType type, int count) {
        Predicate<ConsumerRecord<String, byte[]>> mine = r -> key.equals(r.key())
                && type.typeName().equals(TopicReader.header(r, EventHeaders.CE_TYPE));
        try (TopicReader reader = new TopicReader(SharedInfrastructure.kafka().bootstrapServers(), topic)) {
            reader.readUntil(read -> read.stream().filter(mine).count() >= count, PATIENCE);
            return reader.drain(Duration.ofMillis(500)).stream().filter(mine).toList();
        }
    }

    public static JsonNode payload(ConsumerRecord<String, byte[]> record) {
        return JSON.readTree(record.value());
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
