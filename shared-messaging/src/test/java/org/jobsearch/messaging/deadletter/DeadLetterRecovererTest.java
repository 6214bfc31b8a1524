package org.jobsearch.messaging.deadletter;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jobsearch.messaging.inbox.PoisonMessageException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

import static org.assertj.core.api.Assertions.assertThat;

/** A record failing in the inbox's batch listener is dead-lettered with the same cause as from a record listener. */
class DeadLetterRecovererTest {

    private final ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("test.events", 0, 7, "key", new byte[0]);
    private final PoisonMessageException poison = new PoisonMessageException("not JSON");

    @Test
    void theBatchLayerIsDropped() {
        Exception fromBatch = new ListenerExecutionFailedException("Listener failed", "group",
                new BatchListenerFailedException("inbox failed", poison, record));
        Exception normalized = DeadLetterRecoverer.withoutBatchLayer(fromBatch);
        assertThat(normalized).isInstanceOf(ListenerExecutionFailedException.class).hasCauseReference(poison);
        assertThat(((ListenerExecutionFailedException) normalized).getGroupId()).isEqualTo("group");
        assertThat(DeadLetterRecoverer.rootCause(fromBatch)).isSameAs(poison);

        Exception bare = DeadLetterRecoverer.withoutBatchLayer(new BatchListenerFailedException("inbox failed", poison, record));
        assertThat(bare).isInstanceOf(ListenerExecutionFailedException.class).hasCauseReference(poison);
    }

    @Test
    void aRecordListenersFailureIsLeftAsItIs() {
        Exception fromRecord = new ListenerExecutionFailedException("Listener failed", "group", poison);
        assertThat(DeadLetterRecoverer.withoutBatchLayer(fromRecord)).isSameAs(fromRecord);
        assertThat(DeadLetterRecoverer.rootCause(fromRecord)).isSameAs(poison);
    }
}
