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
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sends a Debezium batch to Kafka and confirms it to Debezium only after Kafka acknowledged every
 * record: a crash before the confirmation replays the batch (at least once), never skips it.
 */
final class KafkaBatchPublisher implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {

    private final Producer<String, byte[]> producer;
    private final Duration sendTimeout;
    private final RelayListener listener;
    /** Held while a batch is published and confirmed, so a graceful stop can let it finish first. */
    private final ReentrantLock inFlight = new ReentrantLock();
    private volatile boolean stopping;

    KafkaBatchPublisher(Producer<String, byte[]> producer, Duration sendTimeout, RelayListener listener) {
        this.producer = producer;
        this.sendTimeout = sendTimeout;
        this.listener = listener;
    }

    @Override
    public void handleBatch(List<RecordChangeEvent<SourceRecord>> records,
                            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        inFlight.lockInterruptibly();
        try {
            if (stopping) {
                // neither sent nor confirmed: the next leader publishes it from the committed offsets
                return;
            }
            publish(records, committer);
        } finally {
            inFlight.unlock();
        }
    }

    /**
     * Before the engine is closed: lets the batch in flight finish (sent, acknowledged and confirmed, so
     * the engine's final offset commit covers it) and refuses later ones, so that a successor starting
     * from the committed offsets republishes nothing. Waits at most {@code timeout}.
     */
    void stop(Duration timeout) throws InterruptedException {
        stopping = true;
        if (inFlight.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            inFlight.unlock();
        }
    }

    private void publish(List<RecordChangeEvent<SourceRecord>> records,
                         DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        long receivedAt = System.nanoTime();
        List<Future<RecordMetadata>> sends = new ArrayList<>(records.size());
        List<String> eventIds = new ArrayList<>(records.size());
        for (RecordChangeEvent<SourceRecord> change : records) {
            SourceRecord record = change.record();
            // heartbeats (the connector's and the heartbeat table's) only move the offsets
            Header eventId = record.value() == null ? null : record.headers().lastWithName(EventHeaders.CE_ID);
            if (eventId != null) {
                sends.add(producer.send(toProducerRecord(record)));
                eventIds.add(String.valueOf(eventId.value()));
            }
        }
        long sentAt = System.nanoTime();
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
        long ackedAt = System.nanoTime();
        for (RecordChangeEvent<SourceRecord> change : records) {
            committer.markProcessed(change);
        }
        // commits the offsets to PostgreSQL when the engine's offset.flush.interval.ms has passed
        committer.markBatchFinished();
        long confirmedAt = System.nanoTime();
        if (!sends.isEmpty()) {
            listener.published(sends.size());
        }
        listener.batchTimed(new RelayListener.BatchTiming(records.size(), eventIds, receivedAt, sentAt, ackedAt,
                confirmedAt));
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
