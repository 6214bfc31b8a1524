package org.jobsearch.messaging.inbox;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;

/**
 * One listener container over every topic this service's handlers listen to, feeding the inbox.
 * Errors go to the factory's error handler: bounded retries with back-off, then the dead-letter topic.
 */
public class InboxListeners implements SmartLifecycle {

    private final ConcurrentMessageListenerContainer<String, byte[]> container;

    public InboxListeners(ConcurrentKafkaListenerContainerFactory<String, byte[]> factory, InboxDispatcher dispatcher) {
        if (dispatcher.topics().isEmpty()) {
            container = null;
            return;
        }
        container = factory.createContainer(dispatcher.topics().stream().sorted().toArray(String[]::new));
        container.setupMessageListener((MessageListener<String, byte[]>) dispatcher::dispatch);
        container.setBeanName("inbox");
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
