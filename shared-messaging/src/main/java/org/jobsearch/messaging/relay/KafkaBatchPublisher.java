package org.jobsearch.messaging.relay;

import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.jobsearch.events.EventHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a Debezium batch to Kafka and confirms it to Debezium only after Kafka acknowledged every
 * record: a crash before the confirmation replays the batch (at least once), never skips it.
 */
final class KafkaBatchPublisher implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {

    private final Producer<String, byte[]> producer;
    private final Duration sendTimeout;
    private final RelayListener listener;

    KafkaBatchPublisher(Producer<String, byte[]> producer, Duration sendTimeout, RelayListener listener) {
        this.producer = producer;
        this.sendTimeout = sendTimeout;
        this.listener = listener;
    }

    @Override
    public void handleBatch(List<RecordChangeEvent<SourceRecord>> records,
                            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        List<Future<RecordMetadata>> sends = new ArrayList<>(records.size());
        for (RecordChangeEvent<SourceRecord> change : records) {
            SourceRecord record = change.record();
            // heartbeats (the connector's and the heartbeat table's) only move the offsets
            if (record.value() != null && record.headers().lastWithName(EventHeaders.CE_ID) != null) {
                sends.add(producer.send(toProducerRecord(record)));
            }
        }
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw new RelayPublishException("Kafka refused an outbox record; the batch will be replayed", e.getCause());
            } catch (TimeoutException e) {
                throw new RelayPublishException("Kafka did not acknowledge the batch within " + sendTimeout, e);
            }
        }
        for (RecordChangeEvent<SourceRecord> change : records) {
            committer.markProcessed(change);
        }
        committer.markBatchFinished();
        if (!sends.isEmpty()) {
            listener.published(sends.size());
        }
    }

    static ProducerRecord<String, byte[]> toProducerRecord(SourceRecord record) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (header.value() != null && !"id".equals(header.key())) {
                headers.add(header.key(), header.value().toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        String key = record.key() == null ? null : record.key().toString();
        byte[] value = record.value().toString().getBytes(StandardCharsets.UTF_8);
        return new ProducerRecord<>(record.topic(), null, key, value, headers);
    }

    static final class RelayPublishException extends RuntimeException {
        RelayPublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
