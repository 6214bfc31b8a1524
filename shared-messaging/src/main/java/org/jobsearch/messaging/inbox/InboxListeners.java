package org.jobsearch.messaging.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

import java.util.List;

/**
 * One listener container over every topic this service's handlers listen to, feeding the inbox a
 * poll's records at a time: all of them in one transaction ({@link InboxDispatcher#dispatchAll}),
 * so a busy consumer commits once per poll instead of once per event. When that transaction fails,
 * the records are processed again one by one, each in its own transaction; the first that fails is
 * reported to the factory's error handler as a {@link BatchListenerFailedException}, which commits
 * the offsets before it and treats it as it would a single record: bounded retries with back-off
 * (unbounded for a database outage), then the dead-letter topic; the records after it are
 * redelivered.
 */
public class InboxListeners implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxListeners.class);

    private final ConcurrentMessageListenerContainer<String, byte[]> container;

    public InboxListeners(ConcurrentKafkaListenerContainerFactory<String, byte[]> factory, InboxDispatcher dispatcher) {
        if (dispatcher.topics().isEmpty()) {
            container = null;
            return;
        }
        container = factory.createContainer(dispatcher.topics().stream().sorted().toArray(String[]::new));
        container.setupMessageListener((BatchMessageListener<String, byte[]>) records -> onBatch(dispatcher, records));
        container.setBeanName("inbox");
    }

    static void onBatch(InboxDispatcher dispatcher, List<ConsumerRecord<String, byte[]>> records) {
        if (records.isEmpty()) {
            return;
        }
        if (records.size() > 1) {
            try {
                dispatcher.dispatchAll(records);
                return;
            } catch (RuntimeException e) {
                // nothing of the batch committed: find the record at fault, committing the others one by one
                log.debug("inbox batch of {} records failed ({}); processing them one by one", records.size(),
                        e.toString());
            }
        }
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                dispatcher.dispatch(record);
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException("inbox failed on " + record.topic() + "-" + record.partition()
                        + "@" + record.offset(), e, record);
            }
        }
    }

    @Override
    public void start() {
        if (container != null) {
            container.start();
        }
    }

    @Override
    public void stop() {
        if (container != null) {
            container.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return container != null && container.isRunning();
    }

    /** The container, for tests and health. */
    public ConcurrentMessageListenerContainer<String, byte[]> container() {
        return container;
    }
}
