package org.jobsearch.messaging.it;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jobsearch.events.EventHeaders;
import org.jobsearch.messaging.inbox.InboxDispatcher;
import org.jobsearch.messaging.inbox.InboxStats;
import org.jobsearch.messaging.testapp.TestEvent;
import org.jobsearch.messaging.testapp.TestEventHandler;
import org.jobsearch.testkit.SharedInfrastructure;
import org.jobsearch.testkit.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The inbox under redelivery, concurrency, poison records and a failure outside the record, with
 * exact counts. Each test scopes its effects by a batch name of its own.
 */
@Tag("fault")
@MessagingIntegrationTest
class InboxResilienceTest {

    private static final String DLT = TestEventHandler.TOPIC + "-dlt";
    private static final String DEAD_LETTERS = "/api/test/admin/dead-letters";

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    InboxDispatcher dispatcher;
    @Autowired
    InboxStats stats;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    WebApplicationContext web;

    MockMvc mvc;
    String batch;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(web).build();
        batch = UUID.randomUUID().toString();
    }

    @Test
    void duplicateStorm_500EventsAnd100Resends_give500EffectsAnd100CountedDuplicates() throws Exception {
        long duplicatesBefore = stats.duplicateCount();
        List<ProducerRecord<String, byte[]>> sent = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            sent.add(record(UUID.randomUUID(), event(i, null)));
        }
        for (ProducerRecord<String, byte[]> record : sent) {
            kafka.send(record);
        }
        for (int i = 0; i < 100; i++) {
            kafka.send(sent.get(i * 5));
        }
        kafka.flush();

        await().atMost(Duration.ofSeconds(90)).until(() -> stats.duplicateCount() - duplicatesBefore >= 100
                && effects() >= 500);
        assertThat(effects()).isEqualTo(500);
        assertThat(stats.duplicateCount() - duplicatesBefore).isEqualTo(100);
        assertThat(distinctEffectEvents()).isEqualTo(500);
    }

    @Test
    void concurrentDuplicates_sameEventTwiceAtOnce_oneEffectEachAndNoExceptionEscapes() throws Exception {
        long duplicatesBefore = stats.duplicateCount();
        ConcurrentLinkedQueue<Throwable> escaped = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 100; i++) {
                ProducerRecord<String, byte[]> produced = record(UUID.randomUUID(), event(i, null));
                ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(produced.topic(), 0, i, produced.key(), produced.value());
                produced.headers().forEach(h -> record.headers().add(h));
                CyclicBarrier barrier = new CyclicBarrier(2);
                List<Future<?>> both = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    both.add(pool.submit(() -> {
                        try {
                            barrier.await();
                            dispatcher.dispatch(record);
                        } catch (Throwable e) {
                            escaped.add(e);
                        }
                    }));
                }
                for (Future<?> f : both) {
                    f.get();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(escaped).isEmpty();
        assertThat(effects()).isEqualTo(100);
        assertThat(distinctEffectEvents()).isEqualTo(100);
        assertThat(stats.duplicateCount() - duplicatesBefore).isEqualTo(100);
    }

    @Test
    void poisonMessages_98GoodAnd2Bad_give98EffectsAnd2DeadLettersWithCauseAndTheConsumerGoesOn() throws Exception {
        UUID malformed = UUID.randomUUID();
        UUID invalid = UUID.randomUUID();
        for (int i = 0; i < 49; i++) {
            kafka.send(record(UUID.randomUUID(), event(i, null)));
        }
        kafka.send(record(malformed, "{\"eventId\": \"not json".getBytes(StandardCharsets.UTF_8)));
        kafka.send(record(invalid, event(-1, null)));
        for (int i = 49; i < 98; i++) {
            kafka.send(record(UUID.randomUUID(), event(i, null)));
        }
        kafka.flush();

        await().atMost(Duration.ofSeconds(60)).until(() -> effects() >= 98);
        try (TopicReader reader = new TopicReader(SharedInfrastructure.kafka().bootstrapServers(), DLT)) {
            List<ConsumerRecord<String, byte[]>> dead = reader.readUntil(records -> records.stream()
                    .filter(r -> List.of(malformed.toString(), invalid.toString()).contains(TopicReader.header(r, EventHeaders.CE_ID)))
                    .count() >= 2, Duration.ofSeconds(60)).stream()
                    .filter(r -> List.of(malformed.toString(), invalid.toString()).contains(TopicReader.header(r, EventHeaders.CE_ID)))
                    .toList();
            assertThat(dead).hasSize(2);
            for (ConsumerRecord<String, byte[]> letter : dead) {
                assertThat(TopicReader.header(letter, "kafka_dlt-original-topic")).isEqualTo(TestEventHandler.TOPIC);
                assertThat(TopicReader.header(letter, "kafka_dlt-exception-message")).isNotBlank();
                assertThat(TopicReader.header(letter, "kafka_dlt-exception-fqcn")).isNotBlank();
            }
            ConsumerRecord<String, byte[]> unreadable = dead.stream()
                    .filter(r -> malformed.toString().equals(TopicReader.header(r, EventHeaders.CE_ID))).findFirst().orElseThrow();
            assertThat(TopicReader.header(unreadable, "kafka_dlt-exception-cause-fqcn")).contains("PoisonMessageException");
            ConsumerRecord<String, byte[]> rejected = dead.stream()
                    .filter(r -> invalid.toString().equals(TopicReader.header(r, EventHeaders.CE_ID))).findFirst().orElseThrow();
            assertThat(TopicReader.header(rejected, "kafka_dlt-exception-cause-fqcn")).contains("EventValidationException");
            assertThat(TopicReader.header(rejected, "kafka_dlt-exception-message")).contains("seq");
        }
        assertThat(effects()).isEqualTo(98);
        // not retried: each was tried once, so the dead-letter copy shows no replay and one row each
        assertThat(jdbc.queryForObject("select count(*) from dead_letter where event_id in (?, ?)", Integer.class,
                malformed.toString(), invalid.toString())).isEqualTo(2);
    }

    @Test
    void replay_afterTheMissingRowExists_producesExactlyOneEffect() throws Exception {
        UUID eventId = UUID.randomUUID();
        String parent = "parent-" + batch;
        kafka.send(record(eventId, event(0, parent)));
        kafka.flush();

        Long letterId = await().atMost(Duration.ofSeconds(60)).until(() -> deadLetterId(eventId), Optional::isPresent).orElseThrow();
        assertThat(effects()).isZero();
        mvc.perform(get(DEAD_LETTERS).param("status", "pending"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == " + letterId + ")].exceptionMessage")
                        .value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("does not exist yet"))));

        // still failing: the replay reports it and changes nothing
        mvc.perform(post(DEAD_LETTERS + "/" + letterId + "/replay"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("does not exist yet")));
        assertThat(effects()).isZero();

        jdbc.update("insert into test_parent (id) values (?)", parent);
        mvc.perform(post(DEAD_LETTERS + "/" + letterId + "/replay").contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.succeeded").value(true));
        assertThat(effects()).isEqualTo(1);

        // replaying again, alone or with all pending letters, has no second effect
        mvc.perform(post(DEAD_LETTERS + "/" + letterId + "/replay")).andExpect(status().isOk());
        mvc.perform(post(DEAD_LETTERS + "/replay")).andExpect(status().isOk());
        assertThat(effects()).isEqualTo(1);
        mvc.perform(get(DEAD_LETTERS + "/" + letterId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("replayed"));
    }

    @Test
    void deadLetterApi_refusesBadInputWithProblemDetails() throws Exception {
        mvc.perform(get(DEAD_LETTERS + "/999999999"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Dead letter not found"));
        mvc.perform(get(DEAD_LETTERS).param("size", "0"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aPollInOneTransaction_duplicatesInsideTheBatchAndAcrossBatchesTakeNoSecondEffect() {
        long duplicatesBefore = stats.duplicateCount();
        long processedBefore = stats.processedCount();
        List<ConsumerRecord<String, byte[]>> poll = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            poll.add(consumed(record(UUID.randomUUID(), event(i, null)), i));
        }
        poll.add(consumed(record(extractId(poll.get(3)), event(3, null)), 50));
        poll.add(consumed(record(extractId(poll.get(7)), event(7, null)), 51));

        dispatcher.dispatchAll(poll);
        assertThat(effects()).isEqualTo(50);
        assertThat(distinctEffectEvents()).isEqualTo(50);
        assertThat(stats.processedCount() - processedBefore).isEqualTo(50);
        assertThat(stats.duplicateCount() - duplicatesBefore).as("twice in the batch").isEqualTo(2);

        dispatcher.dispatchAll(poll);
        assertThat(effects()).as("the whole poll redelivered").isEqualTo(50);
        assertThat(stats.duplicateCount() - duplicatesBefore).isEqualTo(2 + 52);
    }

    private static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> produced, long offset) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(produced.topic(), 0, offset, produced.key(), produced.value());
        produced.headers().forEach(h -> record.headers().add(h));
        return record;
    }

    private static UUID extractId(ConsumerRecord<String, byte[]> record) {
        return UUID.fromString(new String(record.headers().lastHeader(EventHeaders.CE_ID).value(), StandardCharsets.UTF_8));
    }

    private Optional<Long> deadLetterId(UUID eventId) {
        return jdbc.queryForList("select id from dead_letter where event_id = ?", Long.class, eventId.toString())
                .stream().findFirst();
    }

    private byte[] event(int seq, String parentId) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("eventId", UUID.randomUUID().toString());
        fields.put("batch", batch);
        fields.put("aggregate", "agg-" + (seq % 7));
        fields.put("seq", seq);
        if (parentId != null) {
            fields.put("parentId", parentId);
        }
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsBytes(fields);
    }

    private ProducerRecord<String, byte[]> record(UUID eventId, byte[] payload) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.CE_ID, eventId.toString().getBytes(StandardCharsets.UTF_8));
        headers.add(EventHeaders.CE_TYPE, TestEvent.TYPE.getBytes(StandardCharsets.UTF_8));
        headers.add(EventHeaders.CE_SOURCE, "inbox-test".getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(TestEventHandler.TOPIC, null, "agg-" + eventId.toString().charAt(0), payload, headers);
    }

    private int effects() {
        Integer count = jdbc.queryForObject("select count(*) from test_effect where batch = ?", Integer.class, batch);
        return count == null ? 0 : count;
    }

    private int distinctEffectEvents() {
        Integer count = jdbc.queryForObject("select count(distinct event_id) from test_effect where batch = ?", Integer.class, batch);
        return count == null ? 0 : count;
    }
}
