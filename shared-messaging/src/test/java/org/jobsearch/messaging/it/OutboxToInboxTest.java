package org.jobsearch.messaging.it;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jobsearch.events.ApplicationStatusChanged;
import org.jobsearch.events.EventHeaders;
import org.jobsearch.events.EventType;
import org.jobsearch.events.Topics;
import org.jobsearch.messaging.outbox.OutboxMessage;
import org.jobsearch.messaging.outbox.OutboxWriter;
import org.jobsearch.messaging.relay.OutboxRelay;
import org.jobsearch.messaging.relay.RelayState;
import org.jobsearch.testkit.SharedInfrastructure;
import org.jobsearch.testkit.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A platform event written in a service transaction travels outbox → relay → Kafka → another service's inbox. */
@MessagingIntegrationTest
class OutboxToInboxTest {

    @Autowired
    OutboxWriter outbox;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OutboxRelay relay;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void committedEventReachesKafkaWithCloudEventsHeadersAndTheConsumerReadsItUnchanged() throws Exception {
        ApplicationStatusChanged event = freshSample();
        transactions.executeWithoutResult(status -> outbox.append(event));

        try (TopicReader reader = new TopicReader(SharedInfrastructure.kafka().bootstrapServers(), Topics.APPLICATION_EVENTS)) {
            ConsumerRecord<String, byte[]> record = reader.readUntil(records -> find(records, event.eventId()) != null,
                    Duration.ofSeconds(60)).stream().filter(r -> event.eventId().toString()
                    .equals(TopicReader.header(r, EventHeaders.CE_ID))).findFirst().orElseThrow();
            assertThat(record.key()).isEqualTo(event.applicationId().toString());
            assertThat(TopicReader.header(record, EventHeaders.CE_TYPE)).isEqualTo("ApplicationStatusChanged.v1");
            assertThat(TopicReader.header(record, EventHeaders.CE_SOURCE)).isEqualTo("messaging-test");
            assertThat(TopicReader.header(record, EventHeaders.CE_SPECVERSION)).isEqualTo("1.0");
            assertThat(Instant.parse(TopicReader.header(record, EventHeaders.CE_TIME))).isEqualTo(event.occurredAt());
            assertThat(json.readValue(record.value(), ApplicationStatusChanged.class)).isEqualTo(event);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Map<String, Object>> received = jdbc.queryForList(
                    "select payload, ce_type from received_platform_event where event_id = ?", event.eventId());
            assertThat(received).hasSize(1);
            assertThat(json.readValue((String) received.get(0).get("payload"), ApplicationStatusChanged.class)).isEqualTo(event);
        });
        assertThat(relay.state()).isEqualTo(RelayState.STREAMING);
    }

    @Test
    void rolledBackTransactionPublishesNothing() throws Exception {
        ApplicationStatusChanged rolledBack = freshSample();
        ApplicationStatusChanged committed = freshSample();
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            outbox.append(rolledBack);
            throw new IllegalStateException("the caller's change failed");
        })).hasMessageContaining("caller's change failed");
        transactions.executeWithoutResult(status -> outbox.append(committed));

        try (TopicReader reader = new TopicReader(SharedInfrastructure.kafka().bootstrapServers(), Topics.APPLICATION_EVENTS)) {
            List<ConsumerRecord<String, byte[]>> records = reader.readUntil(r -> find(r, committed.eventId()) != null,
                    Duration.ofSeconds(60));
            // the relay publishes in commit order: once the later event is there, the earlier one would be too
            assertThat(find(records, rolledBack.eventId())).isNull();
        }
        Integer outboxRows = jdbc.queryForObject("select count(*) from outbox where id = ?", Integer.class, rolledBack.eventId());
        assertThat(outboxRows).isZero();
    }

    @Test
    void appendOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.append(freshSample()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("caller's transaction");
        assertThatThrownBy(() -> outbox.appendAll(List.of(freshSample())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("caller's transaction");
    }

    @Test
    void appendAllPublishesEveryEventInOrderWithTheSameHeadersAsAppend() throws Exception {
        ApplicationStatusChanged first = freshSample();
        ApplicationStatusChanged second = sameApplication(first, 2);
        ApplicationStatusChanged third = sameApplication(first, 3);
        ApplicationStatusChanged other = freshSample();
        List<ApplicationStatusChanged> events = List.of(first, other, second, third);
        transactions.executeWithoutResult(status -> outbox.appendAll(events));

        try (TopicReader reader = new TopicReader(SharedInfrastructure.kafka().bootstrapServers(), Topics.APPLICATION_EVENTS)) {
            List<ConsumerRecord<String, byte[]>> records = reader.readUntil(
                    r -> events.stream().allMatch(e -> find(r, e.eventId()) != null), Duration.ofSeconds(60));
            for (ApplicationStatusChanged event : events) {
                ConsumerRecord<String, byte[]> record = find(records, event.eventId());
                assertThat(record.key()).isEqualTo(event.applicationId().toString());
                assertThat(TopicReader.header(record, EventHeaders.CE_TYPE)).isEqualTo("ApplicationStatusChanged.v1");
                assertThat(TopicReader.header(record, EventHeaders.CE_SOURCE)).isEqualTo("messaging-test");
                assertThat(Instant.parse(TopicReader.header(record, EventHeaders.CE_TIME))).isEqualTo(event.occurredAt());
                assertThat(json.readValue(record.value(), ApplicationStatusChanged.class)).isEqualTo(event);
            }
            List<String> sameKey = records.stream()
                    .filter(r -> first.applicationId().toString().equals(r.key()))
                    .map(r -> TopicReader.header(r, EventHeaders.CE_ID)).toList();
            assertThat(sameKey).containsExactly(first.eventId().toString(), second.eventId().toString(),
                    third.eventId().toString());
        }
    }

    @Test
    void appendAllWritesOneRowPerEventAcrossInsertChunksAndRollsBackWithTheCaller() {
        List<OutboxMessage> messages = IntStream.range(0, 2_345)
                .mapToObj(i -> new OutboxMessage(UUID.randomUUID(), "bulktest", "bulk-" + (i % 7), "BulkTest.v1",
                        "{\"n\":" + i + "}", Instant.now().truncatedTo(ChronoUnit.MICROS)))
                .toList();
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            outbox.appendAllMessages(messages);
            assertThat(countBulkRows()).isEqualTo(messages.size());
            throw new IllegalStateException("the caller's change failed");
        })).hasMessageContaining("caller's change failed");
        assertThat(countBulkRows()).as("rolled back with the caller").isZero();

        transactions.executeWithoutResult(status -> outbox.appendAllMessages(messages));
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select id, aggregateid, payload ->> 'n' as n, source from outbox where aggregatetype = 'bulktest' "
                        + "order by (payload ->> 'n')::int");
        assertThat(rows).hasSize(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            assertThat(rows.get(i).get("id")).isEqualTo(messages.get(i).id());
            assertThat(rows.get(i).get("aggregateid")).isEqualTo(messages.get(i).aggregateId());
            assertThat(rows.get(i).get("n")).isEqualTo(String.valueOf(i));
            assertThat(rows.get(i).get("source")).isEqualTo("messaging-test");
        }
    }

    private Integer countBulkRows() {
        return jdbc.queryForObject("select count(*) from outbox where aggregatetype = 'bulktest'", Integer.class);
    }

    private ApplicationStatusChanged freshSample() throws Exception {
        ApplicationStatusChanged sample;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(EventType.APPLICATION_STATUS_CHANGED.sampleResource())) {
            sample = json.readValue(in, ApplicationStatusChanged.class);
        }
        return new ApplicationStatusChanged(UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.MICROS),
                UUID.randomUUID(), sample.jobId(), sample.ownerId(), sample.previousStatus(), sample.status(),
                sample.changedAt(), sample.job());
    }

    private static ApplicationStatusChanged sameApplication(ApplicationStatusChanged event, int n) {
        return new ApplicationStatusChanged(UUID.randomUUID(), event.occurredAt().plusMillis(n), event.applicationId(),
                event.jobId(), event.ownerId(), event.previousStatus(), event.status(), event.changedAt(), event.job());
    }

    private static ConsumerRecord<String, byte[]> find(List<ConsumerRecord<String, byte[]>> records, UUID eventId) {
        return records.stream().filter(r -> eventId.toString().equals(TopicReader.header(r, EventHeaders.CE_ID)))
                .findFirst().orElse(null);
    }
}
