package org.jobsearch.messaging.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The inbox's batch listener: one transaction per poll, and the record at fault found one by one when it fails. */
class InboxListenersBatchTest {

    private final List<ConsumerRecord<String, byte[]>> records = List.of(record(0), record(1), record(2), record(3));

    @Test
    void aPollGoesToTheInboxAsOneBatch() {
        RecordingDispatcher dispatcher = new RecordingDispatcher(-1, false);
        InboxListeners.onBatch(dispatcher, records);
        assertThat(dispatcher.batches).containsExactly(records);
        assertThat(dispatcher.singles).isEmpty();
    }

    @Test
    void whenTheBatchFails_theRecordsRunOneByOne_andTheFirstFailureNamesItsRecord() {
        RecordingDispatcher dispatcher = new RecordingDispatcher(2, true);
        PoisonMessageException poison = dispatcher.failure;

        assertThatThrownBy(() -> InboxListeners.onBatch(dispatcher, records))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getRecord()).isSameAs(records.get(2));
                    assertThat(e.getCause()).isSameAs(poison);
                });
        assertThat(dispatcher.batches).hasSize(1);
        assertThat(dispatcher.singles).as("the records before it are processed on their own, the rest redelivered")
                .containsExactly(records.get(0), records.get(1), records.get(2));
    }

    @Test
    void aSingleRecordSkipsTheBatchPath() {
        RecordingDispatcher dispatcher = new RecordingDispatcher(0, false);
        assertThatThrownBy(() -> InboxListeners.onBatch(dispatcher, records.subList(0, 1)))
                .isInstanceOf(BatchListenerFailedException.class)
                .hasCauseReference(dispatcher.failure);
        assertThat(dispatcher.batches).isEmpty();
        assertThat(dispatcher.singles).containsExactly(records.get(0));
    }

    private static ConsumerRecord<String, byte[]> record(long offset) {
        return new ConsumerRecord<>("test.events", 0, offset, "key", new byte[0]);
    }

    /** Fails the record at {@code failAt} when dispatched on its own, and (if asked) every batch containing it. */
    private static final class RecordingDispatcher extends InboxDispatcher {
        final List<List<ConsumerRecord<String, byte[]>>> batches = new ArrayList<>();
        final List<ConsumerRecord<String, byte[]>> singles = new ArrayList<>();
        final PoisonMessageException failure = new PoisonMessageException("record at fault");
        private final int failAt;
        private final boolean batchFails;

        RecordingDispatcher(int failAt, boolean batchFails) {
            super(List.of(), null, null, null, null, null);
            this.failAt = failAt;
            this.batchFails = batchFails;
        }

        @Override
        public void dispatchAll(List<ConsumerRecord<String, byte[]>> batch) {
            batches.add(List.copyOf(batch));
            if (batchFails) {
                throw new IllegalStateException("the batch transaction rolled back");
            }
        }

        @Override
        public void dispatch(ConsumerRecord<String, byte[]> record) {
            singles.add(record);
            if (record.offset() == failAt) {
                throw failure;
            }
        }
    }
}
