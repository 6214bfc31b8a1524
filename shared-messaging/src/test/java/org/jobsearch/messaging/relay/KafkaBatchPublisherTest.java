package org.jobsearch.messaging.relay;

import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;
import org.jobsearch.messaging.relay.KafkaBatchPublisher.RelayPublishException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The relay sends without waiting for each batch's acknowledgements, but confirms records to Debezium only
 * in order and only once Kafka has acknowledged each of them and every one before it.
 */
class KafkaBatchPublisherTest {

    private final ControlledProducer producer = new ControlledProducer();
    private final RecordingCommitter committer = new RecordingCommitter();
    private final RecordingListener listener = new RecordingListener();
    private final KafkaBatchPublisher publisher = new KafkaBatchPublisher(producer, Duration.ofSeconds(10), listener);

    @Test
    void sendsWithoutWaitingForTheAcknowledgements() {
        handle(publisher, List.of(outboxRecord("a"), outboxRecord("b")));

        assertThat(producer.history()).hasSize(2);
        assertThat(committer.processed).as("nothing confirmed before Kafka acknowledged it").isEmpty();
        assertThat(committer.batchesFinished).isZero();
        assertThat(publisher.pendingCount()).isEqualTo(2);
    }

    @Test
    void aRecordIsConfirmedOnlyAfterItsAcknowledgement_evenWhenALaterOneIsAcknowledgedFirst() {
        handle(publisher, List.of(outboxRecord("a"), outboxRecord("b")));
        handle(publisher, List.of(outboxRecord("c")));

        // b and c live on other partitions than a: Kafka acknowledges them first
        producer.ack(2);
        producer.ack(1);
        handle(publisher, List.of(heartbeat(1)));
        assertThat(committer.processedIds()).as("b and c wait for a").isEmpty();
        assertThat(committer.batchesFinished).isZero();

        producer.ack(0);
        handle(publisher, List.of(heartbeat(2)));
        assertThat(committer.processedIds()).containsExactly("a", "b", "c", "heartbeat-1", "heartbeat-2");
        assertThat(committer.batchesFinished).isEqualTo(1);
        assertThat(listener.published).containsExactly(3);
        assertThat(listener.timings).singleElement().satisfies(timing -> {
            assertThat(timing.records()).isEqualTo(5);
            assertThat(timing.eventIds()).containsExactly("a", "b", "c");
            assertThat(timing.events()).allSatisfy(event -> {
                assertThat(event.sentAt()).isGreaterThanOrEqualTo(event.receivedAt());
                assertThat(event.ackedAt()).isGreaterThanOrEqualTo(event.sentAt());
                assertThat(timing.confirmedAt()).isGreaterThanOrEqualTo(event.ackedAt());
            });
        });
        assertThat(publisher.pendingCount()).isZero();
    }

    @Test
    void anAcknowledgedPrefixIsConfirmedUpToTheFirstUnacknowledgedRecord() {
        handle(publisher, List.of(outboxRecord("a"), outboxRecord("b"), outboxRecord("c")));
        producer.ack(0);
        producer.ack(2);

        handle(publisher, List.of(heartbeat(1)));

        assertThat(committer.processedIds()).containsExactly("a");
        assertThat(committer.batchesFinished).isEqualTo(1);
        assertThat(publisher.pendingCount()).as("b, c and the heartbeat").isEqualTo(3);
    }

    @Test
    void aFailedSendFailsTheNextBatch_andNothingAtOrAfterItIsConfirmed() throws Exception {
        handle(publisher, List.of(outboxRecord("a"), outboxRecord("b"), outboxRecord("c")));
        producer.ack(0);
        producer.fail(1, new org.apache.kafka.common.errors.TimeoutException("broker gone"));
        producer.ack(2);

        assertThatThrownBy(() -> publisher.handleBatch(List.of(outboxRecord("d")), committer))
                .isInstanceOf(RelayPublishException.class)
                .hasRootCauseMessage("broker gone");
        assertThat(committer.processedIds()).as("only what came before the failed record").containsExactly("a");
        assertThat(producer.history()).as("the failing batch is not sent").hasSize(3);

        // the engine stops on the exception: neither a further batch nor the stop confirms anything more
        assertThatThrownBy(() -> publisher.handleBatch(List.of(heartbeat(1)), committer))
                .isInstanceOf(RelayPublishException.class);
        publisher.stop(Duration.ofSeconds(1));
        assertThat(committer.processedIds()).containsExactly("a");
    }

    @Test
    void aRecordUnacknowledgedForLongerThanTheSendTimeoutFailsABatch() {
        KafkaBatchPublisher impatient = new KafkaBatchPublisher(producer, Duration.ofMillis(50), listener);
        handle(impatient, List.of(outboxRecord("a")));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThatThrownBy(() -> impatient.handleBatch(List.of(heartbeat(1)), committer))
                        .isInstanceOf(RelayPublishException.class)
                        .hasMessageContaining("did not acknowledge"));
        assertThat(committer.processed).isEmpty();
    }

    @Test
    void stopWaitsForTheOutstandingAcknowledgementsAndConfirmsThem_thenRefusesTheNextBatch() {
        handle(publisher, List.of(outboxRecord("a"), outboxRecord("b")));

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> stop(publisher, Duration.ofSeconds(10)));
        // still waiting while the acknowledgements are outstanding
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !stopping.isDone());
        assertThat(committer.processed).isEmpty();

        producer.ack(1);
        producer.ack(0);
        stopping.join();
        assertThat(committer.processedIds()).containsExactly("a", "b");
        assertThat(committer.batchesFinished).as("so the engine's final offset commit covers them").isEqualTo(1);

        handle(publisher, List.of(outboxRecord("c")));
        assertThat(producer.history()).as("nothing sent after the stop").hasSize(2);
        assertThat(committer.processedIds()).as("nor confirmed").containsExactly("a", "b");
    }

    @Test
    void stopConfirmsOnlyTheAcknowledgedPrefixWhenKafkaDoesNotAnswerInTime() {
        handle(publisher, List.of(outboxRecord("a"), outboxRecord("b"), outboxRecord("c")));
        producer.ack(0);
        producer.ack(2);

        stop(publisher, Duration.ofMillis(100));

        assertThat(committer.processedIds()).as("b was never acknowledged: b and c are replayed").containsExactly("a");
        assertThat(committer.batchesFinished).isEqualTo(1);
    }

    @Test
    void stopLetsABatchWaitingForBackPressureFinishFirst() {
        KafkaBatchPublisher bounded = new KafkaBatchPublisher(producer, Duration.ofSeconds(10), listener, 1);
        CompletableFuture<Void> handling = CompletableFuture.runAsync(() ->
                handle(bounded, List.of(outboxRecord("a"), outboxRecord("b"))));
        await().until(() -> producer.history().size() == 2);
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> stop(bounded, Duration.ofSeconds(10)));

        producer.ack(0);
        producer.ack(1);
        handling.join();
        stopping.join();
        assertThat(committer.processedIds()).containsExactly("a", "b");
    }

    @Test
    void moreThanTheBoundOfPendingRecordsMakesTheBatchWaitForTheOldest() {
        KafkaBatchPublisher bounded = new KafkaBatchPublisher(producer, Duration.ofSeconds(10), listener, 2);
        CompletableFuture<Void> handling = CompletableFuture.runAsync(() ->
                handle(bounded, List.of(outboxRecord("a"), outboxRecord("b"), outboxRecord("c"))));

        await().until(() -> producer.history().size() == 3);
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !handling.isDone());
        producer.ack(1);
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2))
                .alias("b's acknowledgement does not release the batch: a is still the oldest")
                .until(() -> !handling.isDone());

        producer.ack(0);
        handling.join();
        assertThat(committer.processedIds()).containsExactly("a", "b");
        assertThat(bounded.pendingCount()).isEqualTo(1);
    }

    @Test
    void backPressureGivesUpAfterTheSendTimeout() {
        KafkaBatchPublisher bounded = new KafkaBatchPublisher(producer, Duration.ofMillis(100), listener, 1);

        assertThatThrownBy(() -> bounded.handleBatch(List.of(outboxRecord("a"), outboxRecord("b")), committer))
                .isInstanceOf(RelayPublishException.class)
                .hasMessageContaining("did not acknowledge");
        assertThat(committer.processed).isEmpty();
    }

    @Test
    void aHeartbeatOnlyBatchIsConfirmedAtOnceWhenNothingIsPendingBeforeIt() {
        handle(publisher, List.of(heartbeat(1), heartbeat(2)));

        assertThat(producer.history()).as("heartbeats only move the offsets").isEmpty();
        assertThat(committer.processedIds()).containsExactly("heartbeat-1", "heartbeat-2");
        assertThat(committer.batchesFinished).isEqualTo(1);
        assertThat(listener.published).as("no events published").isEmpty();
    }

    @Test
    void aHeartbeatWaitsForTheEventsBeforeIt() {
        handle(publisher, List.of(outboxRecord("a")));
        handle(publisher, List.of(heartbeat(1)));
        assertThat(committer.processed).isEmpty();

        producer.ack(0);
        handle(publisher, List.of(heartbeat(2)));
        assertThat(committer.processedIds()).containsExactly("a", "heartbeat-1", "heartbeat-2");
    }

    @Test
    void outboxColumnsBecomeKafkaHeadersKeyAndValue() {
        var record = KafkaBatchPublisher.toProducerRecord(outboxRecord("agg-1").record());
        assertThat(record.topic()).isEqualTo("application.events");
        assertThat(record.key()).isEqualTo("agg-1");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":1}");
        assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo("ApplicationStatusChanged.v1");
        assertThat(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8)).isEqualTo("agg-1");
        assertThat(record.headers().lastHeader("id")).as("Debezium's own id header is replaced by ce_id").isNull();
    }

    private void handle(KafkaBatchPublisher target, List<RecordChangeEvent<SourceRecord>> batch) {
        try {
            target.handleBatch(batch, committer);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void stop(KafkaBatchPublisher target, Duration timeout) {
        try {
            target.stop(timeout);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final AtomicLong LSN = new AtomicLong();

    /** An outbox record whose key is also its {@code ce_id}. */
    private static RecordChangeEvent<SourceRecord> outboxRecord(String key) {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("id", key);
        headers.addString("ce_id", key);
        headers.addString("ce_type", "ApplicationStatusChanged.v1");
        SourceRecord record = new SourceRecord(Map.of(), Map.of("lsn", LSN.incrementAndGet()), "application.events",
                null, Schema.STRING_SCHEMA, key, Schema.STRING_SCHEMA, "{\"n\":1}", null, headers);
        return () -> record;
    }

    private static RecordChangeEvent<SourceRecord> heartbeat(int n) {
        SourceRecord record = new SourceRecord(Map.of(), Map.of("lsn", LSN.incrementAndGet()),
                "__debezium-heartbeat.x", null, Schema.STRING_SCHEMA, "heartbeat-" + n, null, null);
        return () -> record;
    }

    /**
     * A {@link MockProducer} that completes nothing by itself and lets a test acknowledge or fail any send,
     * in any order, as brokers of different partitions do.
     */
    private static final class ControlledProducer extends MockProducer<String, byte[]> {
        private final List<Callback> callbacks = new CopyOnWriteArrayList<>();

        ControlledProducer() {
            super(false, null, new StringSerializer(), new ByteArraySerializer());
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
            callbacks.add(callback);
            return super.send(record, callback);
        }

        /** Kafka acknowledges the {@code index}th send (0-based, in send order). */
        void ack(int index) {
            callbacks.get(index).onCompletion(new RecordMetadata(new TopicPartition("application.events", index), 0, 0,
                    0, 0, 0), null);
        }

        void fail(int index, RuntimeException exception) {
            callbacks.get(index).onCompletion(null, exception);
        }
    }

    private static final class RecordingCommitter implements DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> {
        final List<RecordChangeEvent<SourceRecord>> processed = new CopyOnWriteArrayList<>();
        volatile int batchesFinished;

        /** The key of each record confirmed, in order ({@code ce_id} of events, {@code heartbeat-n}). */
        List<Object> processedIds() {
            return processed.stream().map(change -> change.record().key()).toList();
        }

        @Override
        public void markProcessed(RecordChangeEvent<SourceRecord> record) {
            processed.add(record);
        }

        @Override
        public void markBatchFinished() {
            batchesFinished++;
        }

        @Override
        public void markProcessed(RecordChangeEvent<SourceRecord> record, DebeziumEngine.Offsets offsets) {
            processed.add(record);
        }

        @Override
        public DebeziumEngine.Offsets buildOffsets() {
            return null;
        }
    }

    private static final class RecordingListener implements RelayListener {
        final List<Integer> published = new CopyOnWriteArrayList<>();
        final List<BatchTiming> timings = new CopyOnWriteArrayList<>();

        @Override
        public void published(int count) {
            published.add(count);
        }

        @Override
        public void batchTimed(BatchTiming timing) {
            timings.add(timing);
        }
    }
}
