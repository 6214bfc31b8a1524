package org.jobsearch.messaging.relay;

import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.jobsearch.events.EventHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sends Debezium's records to Kafka without waiting for each batch's acknowledgements, and confirms them
 * to Debezium strictly in order, each only after Kafka acknowledged it and every record before it: a crash
 * before a confirmation replays that record (at least once), never skips it.
 *
 * <p>Every record of a batch, heartbeats included, joins an in-order queue of pending records; events are
 * handed to the producer with a callback that only flags their entry (acknowledged, or failed with the
 * exception), so nothing but the engine thread (inside {@link #handleBatch}) and the graceful {@link #stop}
 * ever calls the committer, and Kafka's I/O thread never runs JDBC. Each {@code handleBatch} sends its
 * records and then confirms the longest acknowledged prefix of the queue ({@code markProcessed} for each,
 * then one {@code markBatchFinished}); a batch of heartbeats behind nothing pending is confirmed at once.
 * A later record acknowledged first (another partition) waits for the earlier ones: Debezium's offsets are
 * WAL positions, so confirming it first could lose an earlier record on a crash.
 *
 * <p>Acknowledged records are confirmed by the next batch. When the outbox is quiet, the connector's
 * heartbeats ({@code heartbeat.interval.ms}) bring batches regularly, so the offsets still advance; a crash
 * before that replays the acknowledged records (the consumers' inboxes drop them by {@code ce_id}), the same
 * guarantee as the periodic offset flush. A graceful stop confirms everything acknowledged.
 *
 * <p>A failed send, or a head of the queue unacknowledged for longer than the send timeout, fails the next
 * batch with {@link RelayPublishException}: the engine stops, nothing at or after that record is confirmed,
 * and the restarted relay replays from the last committed offsets. More than {@value #MAX_PENDING} pending
 * records make a batch wait for the head's acknowledgement (back-pressure on Debezium's queue).
 */
final class KafkaBatchPublisher implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {

    /** Pending records beyond which a batch waits for the oldest one's acknowledgement. */
    static final int MAX_PENDING = 10_000;

    private static final Logger log = LoggerFactory.getLogger(KafkaBatchPublisher.class);

    private final Producer<String, byte[]> producer;
    private final Duration sendTimeout;
    private final RelayListener listener;
    private final int maxPending;
    /** Held while a batch is handled and while a graceful stop confirms, so the two never use the committer at once. */
    private final ReentrantLock inFlight = new ReentrantLock();
    /** Records handed over by Debezium and not yet confirmed, oldest first; only touched under {@link #inFlight}. */
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private volatile boolean stopping;
    /** Set once a batch failed: the engine is stopping and nothing more may be confirmed. */
    private RelayPublishException failure;

    KafkaBatchPublisher(Producer<String, byte[]> producer, Duration sendTimeout, RelayListener listener) {
        this(producer, sendTimeout, listener, MAX_PENDING);
    }

    KafkaBatchPublisher(Producer<String, byte[]> producer, Duration sendTimeout, RelayListener listener, int maxPending) {
        if (maxPending < 1) {
            throw new IllegalArgumentException("maxPending must be at least 1, got " + maxPending);
        }
        this.producer = producer;
        this.sendTimeout = sendTimeout;
        this.listener = listener;
        this.maxPending = maxPending;
    }

    @Override
    public void handleBatch(List<RecordChangeEvent<SourceRecord>> records,
                            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        inFlight.lockInterruptibly();
        try {
            if (failure != null) {
                throw failure;
            }
            if (stopping) {
                // neither sent nor confirmed: the next leader publishes it from the committed offsets
                return;
            }
            if (acknowledgedPrefixEndsInFailure()) {
                confirmAcknowledged(); // confirms what came before the failed record, then throws
            }
            failIfHeadTimedOut();
            long receivedAt = System.nanoTime();
            for (RecordChangeEvent<SourceRecord> change : records) {
                pending.add(send(change, committer, receivedAt));
            }
            while (pending.size() > maxPending && !stopping) {
                awaitHead();
                confirmAcknowledged();
            }
            // everything acknowledged so far, including this batch's heartbeats when nothing is pending before them
            confirmAcknowledged();
        } catch (RelayPublishException e) {
            failure = e;
            throw e;
        } finally {
            inFlight.unlock();
        }
    }

    /**
     * Before the engine is closed: refuses later batches, waits (at most {@code timeout}) for Kafka to
     * acknowledge every record sent, and confirms the acknowledged prefix, so that the engine's final offset
     * commit covers everything that reached Kafka and a successor starting from those offsets republishes
     * nothing. Records still unacknowledged when the time is up stay unconfirmed and are replayed.
     */
    void stop(Duration timeout) throws InterruptedException {
        stopping = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!inFlight.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            log.warn("outbox relay: the batch in flight did not finish within {}; its records will be replayed", timeout);
            return;
        }
        try {
            if (failure != null) {
                // the engine failed on this publisher: leave its records to the replay
                return;
            }
            for (Pending entry : pending) {
                if (!entry.await(deadline - System.nanoTime())) {
                    break;
                }
            }
            try {
                confirmAcknowledged();
            } catch (RelayPublishException e) {
                log.warn("outbox relay: {}; the records from there on will be replayed", e.getMessage());
            } catch (RuntimeException e) {
                // an engine that already shut itself down may refuse the confirmation: the records are replayed
                log.warn("outbox relay: confirming the acknowledged records on stop failed; they will be replayed", e);
            }
        } finally {
            inFlight.unlock();
        }
    }

    /** Records handed over by Debezium and not yet confirmed (for tests and diagnostics). */
    int pendingCount() {
        inFlight.lock();
        try {
            return pending.size();
        } finally {
            inFlight.unlock();
        }
    }

    private Pending send(RecordChangeEvent<SourceRecord> change,
                         DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer, long receivedAt) {
        SourceRecord record = change.record();
        // heartbeats (the connector's and the heartbeat table's) only move the offsets
        Header eventId = record.value() == null ? null : record.headers().lastWithName(EventHeaders.CE_ID);
        if (eventId == null) {
            return Pending.heartbeat(change, committer, receivedAt);
        }
        Pending entry = new Pending(change, committer, String.valueOf(eventId.value()), receivedAt);
        entry.sentAt = System.nanoTime();
        try {
            producer.send(toProducerRecord(record), (metadata, exception) -> {
                // Kafka's I/O thread: flag the entry, nothing else
                if (exception == null) {
                    entry.acknowledged();
                } else {
                    entry.failed(exception);
                }
            });
        } catch (RuntimeException e) {
            // e.g. the producer refused the record before sending it: the same as a failed send
            entry.failed(e);
        }
        return entry;
    }

    /** Confirms the longest acknowledged prefix of the pending records; throws when its end is a failed send. */
    private void confirmAcknowledged() throws InterruptedException {
        long confirmStartedAt = System.nanoTime();
        List<RelayListener.EventTiming> events = new ArrayList<>();
        int confirmed = 0;
        DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> last = null;
        RelayPublishException failed = null;
        while (!pending.isEmpty() && pending.peek().ack.isDone()) {
            Pending head = pending.peek();
            Throwable error = head.error();
            if (error != null) {
                failed = new RelayPublishException("Kafka refused an outbox record; it will be replayed", error);
                break;
            }
            head.committer.markProcessed(head.change);
            pending.poll();
            last = head.committer;
            confirmed++;
            if (head.eventId != null) {
                events.add(new RelayListener.EventTiming(head.eventId, head.receivedAt, head.sentAt, head.ackedAt));
            }
        }
        if (last != null) {
            // commits the offsets to PostgreSQL when the engine's offset.flush.interval.ms has passed
            last.markBatchFinished();
            long confirmedAt = System.nanoTime();
            if (!events.isEmpty()) {
                listener.published(events.size());
            }
            listener.batchTimed(new RelayListener.BatchTiming(confirmed, List.copyOf(events), confirmStartedAt,
                    confirmedAt));
        }
        if (failed != null) {
            throw failed;
        }
    }

    private boolean acknowledgedPrefixEndsInFailure() {
        for (Pending entry : pending) {
            if (!entry.ack.isDone()) {
                return false;
            }
            if (entry.ack.isCompletedExceptionally()) {
                return true;
            }
        }
        return false;
    }

    private void failIfHeadTimedOut() {
        Pending head = pending.peek();
        if (head != null && !head.ack.isDone() && System.nanoTime() - head.sentAt >= sendTimeout.toNanos()) {
            throw new RelayPublishException("Kafka did not acknowledge an outbox record within " + sendTimeout,
                    new TimeoutException());
        }
    }

    /** Back-pressure: waits until the oldest pending record is acknowledged (or failed), at most the send timeout after it was sent. */
    private void awaitHead() throws InterruptedException {
        Pending head = pending.peek();
        if (head != null && !head.await(head.sentAt + sendTimeout.toNanos() - System.nanoTime())) {
            failIfHeadTimedOut();
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

    /** One record between Debezium and its confirmation. */
    private static final class Pending {
        final RecordChangeEvent<SourceRecord> change;
        final DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer;
        /** {@code ce_id}; null for a heartbeat */
        final String eventId;
        final long receivedAt;
        /** Set by the engine thread as the record is handed to the producer; read under the publisher's lock. */
        long sentAt;
        /** Written by the callback before {@link #ack} completes, so visible to whoever saw it complete. */
        long ackedAt;
        final CompletableFuture<Void> ack = new CompletableFuture<>();

        Pending(RecordChangeEvent<SourceRecord> change,
                DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer, String eventId,
                long receivedAt) {
            this.change = change;
            this.committer = committer;
            this.eventId = eventId;
            this.receivedAt = receivedAt;
            this.sentAt = receivedAt;
        }

        static Pending heartbeat(RecordChangeEvent<SourceRecord> change,
                                 DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer,
                                 long receivedAt) {
            Pending entry = new Pending(change, committer, null, receivedAt);
            entry.acknowledged();
            return entry;
        }

        void acknowledged() {
            ackedAt = System.nanoTime();
            ack.complete(null);
        }

        void failed(Throwable exception) {
            ackedAt = System.nanoTime();
            ack.completeExceptionally(exception);
        }

        /** The send's exception, or null once acknowledged; only when {@link #ack} is done. */
        Throwable error() {
            try {
                ack.getNow(null);
                return null;
            } catch (java.util.concurrent.CompletionException e) {
                return e.getCause() == null ? e : e.getCause();
            } catch (java.util.concurrent.CancellationException e) {
                return e;
            }
        }

        /** @return whether the send completed (either way) within {@code nanos} */
        boolean await(long nanos) throws InterruptedException {
            if (ack.isDone()) {
                return true;
            }
            if (nanos <= 0) {
                return false;
            }
            try {
                ack.get(nanos, TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                // failed: done
            } catch (TimeoutException e) {
                return false;
            }
            return true;
        }
    }

    static final class RelayPublishException extends RuntimeException {
        RelayPublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
