package org.jobsearch.messaging.relay;

import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The relay confirms records to Debezium only once Kafka has acknowledged every one of them. */
class KafkaBatchPublisherTest {

    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
    private final RecordingCommitter committer = new RecordingCommitter();
    private final KafkaBatchPublisher publisher = new KafkaBatchPublisher(producer, Duration.ofSeconds(10), RelayListener.NONE);

    @Test
    void confirmsTheBatchOnlyAfterKafkaAcknowledgedEveryRecord() {
        List<RecordChangeEvent<SourceRecord>> batch = List.of(outboxRecord("a"), outboxRecord("b"));
        CompletableFuture<Void> handling = CompletableFuture.runAsync(() -> handle(batch));

        await().until(() -> producer.history().size() == 2);
        producer.completeNext();
        assertThat(committer.processed).as("nothing confirmed while a send is unacknowledged").isEmpty();
        assertThat(handling).isNotDone();

        producer.completeNext();
        handling.join();
        assertThat(committer.processed).hasSize(2);
        assertThat(committer.batchesFinished).isEqualTo(1);
    }

    @Test
    void aRefusedSendFailsTheBatchAndConfirmsNothing() {
        List<RecordChangeEvent<SourceRecord>> batch = List.of(outboxRecord("a"), outboxRecord("b"));
        CompletableFuture<Void> handling = CompletableFuture.runAsync(() -> handle(batch));

        await().until(() -> producer.history().size() == 2);
        producer.completeNext();
        producer.errorNext(new org.apache.kafka.common.errors.TimeoutException("broker gone"));

        assertThatThrownBy(handling::join).hasRootCauseMessage("broker gone");
        assertThat(committer.processed).isEmpty();
        assertThat(committer.batchesFinished).isZero();
    }

    @Test
    void stopLetsTheBatchInFlightFinishAndConfirm_thenRefusesTheNext() throws Exception {
        List<RecordChangeEvent<SourceRecord>> batch = List.of(outboxRecord("a"), outboxRecord("b"));
        CompletableFuture<Void> handling = CompletableFuture.runAsync(() -> handle(batch));
        await().until(() -> producer.history().size() == 2);

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> {
            try {
                publisher.stop(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        // the stop waits for the batch in flight: still not done while its acknowledgements are outstanding
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !stopping.isDone());
        producer.completeNext();
        producer.completeNext();
        handling.join();
        stopping.join();
        assertThat(committer.processed).hasSize(2);
        assertThat(committer.batchesFinished).isEqualTo(1);

        handle(List.of(outboxRecord("c")));
        assertThat(producer.history()).as("nothing sent after the stop").hasSize(2);
        assertThat(committer.processed).as("nor confirmed").hasSize(2);
        assertThat(committer.batchesFinished).isEqualTo(1);
    }

    @Test
    void heartbeatsMoveTheOffsetsWithoutReachingKafka() {
        SourceRecord heartbeat = new SourceRecord(Map.of(), Map.of("lsn", 1L), "__debezium-heartbeat.x", null,
                Schema.STRING_SCHEMA, "x", Schema.STRING_SCHEMA, "beat");
        handle(List.of(() -> heartbeat));
        assertThat(producer.history()).isEmpty();
        assertThat(committer.processed).hasSize(1);
    }

    @Test
    void outboxColumnsBecomeKafkaHeadersKeyAndValue() {
        var record = KafkaBatchPublisher.toProducerRecord(outboxRecord("agg-1").record());
        assertThat(record.topic()).isEqualTo("application.events");
        assertThat(record.key()).isEqualTo("agg-1");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":1}");
        assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo("ApplicationStatusChanged.v1");
        assertThat(record.headers().lastHeader("id")).as("Debezium's own id header is replaced by ce_id").isNull();
    }

    private void handle(List<RecordChangeEvent<SourceRecord>> batch) {
        try {
            publisher.handleBatch(batch, committer);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RecordChangeEvent<SourceRecord> outboxRecord(String key) {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("id", "3f0c2b1e-0000-0000-0000-000000000001");
        headers.addString("ce_id", "3f0c2b1e-0000-0000-0000-000000000001");
        headers.addString("ce_type", "ApplicationStatusChanged.v1");
        SourceRecord record = new SourceRecord(Map.of(), Map.of("lsn", 1L), "application.events", null,
                Schema.STRING_SCHEMA, key, Schema.STRING_SCHEMA, "{\"n\":1}", null, headers);
        return () -> record;
    }

    private static final class RecordingCommitter implements DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> {
        final List<RecordChangeEvent<SourceRecord>> processed = new CopyOnWriteArrayList<>();
        volatile int batchesFinished;

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
}
