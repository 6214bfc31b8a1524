package org.jobsearch.messaging.deadletter;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jobsearch.events.Topics;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * After the retries are spent (or at once for a poison record): publishes the record to
 * {@code <topic>-dlt} with the cause in {@code kafka_dlt-exception-*} headers and waits for the
 * broker's acknowledgement, then keeps a copy in {@code dead_letter} for listing and replay.
 * If either step fails, the error handler retries the record: nothing is lost.
 */
public class DeadLetterRecoverer implements ConsumerAwareRecordRecoverer {

    private final DeadLetterPublishingRecoverer publisher;
    private final DeadLetterRepository repository;
    private final String consumerGroup;

    DeadLetterRecoverer(DeadLetterPublishingRecoverer publisher, DeadLetterRepository repository, String consumerGroup) {
        this.publisher = publisher;
        this.repository = repository;
        this.consumerGroup = consumerGroup;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
        publisher.accept(record, consumer, exception);
        repository.insert(record, consumerGroup, Topics.dlt(record.topic()), rootCause(exception));
    }

    static Throwable rootCause(Throwable exception) {
        Throwable cause = exception;
        while (cause instanceof ListenerExecutionFailedException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
