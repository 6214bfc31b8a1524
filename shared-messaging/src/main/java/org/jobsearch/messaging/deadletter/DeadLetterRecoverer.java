package org.jobsearch.messaging.deadletter;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jobsearch.events.Topics;
import org.springframework.kafka.listener.BatchListenerFailedException;
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
        Exception failure = withoutBatchLayer(exception);
        publisher.accept(record, consumer, failure);
        repository.insert(record, consumerGroup, Topics.dlt(record.topic()), rootCause(failure));
    }

    /**
     * The inbox's batch listener reports a record's failure as
     * {@code ListenerExecutionFailedException → BatchListenerFailedException → cause}: drop the middle
     * layer, so the dead letter's headers name the record's own failure exactly as for a record listener.
     */
    static Exception withoutBatchLayer(Exception exception) {
        if (exception instanceof ListenerExecutionFailedException listener
                && listener.getCause() instanceof BatchListenerFailedException batch && batch.getCause() != null) {
            return new ListenerExecutionFailedException(listener.getMessage(), listener.getGroupId(), batch.getCause());
        }
        if (exception instanceof BatchListenerFailedException batch && batch.getCause() != null) {
            return new ListenerExecutionFailedException("Listener failed", batch.getCause());
        }
        return exception;
    }

    static Throwable rootCause(Throwable exception) {
        Throwable cause = exception;
        while ((cause instanceof ListenerExecutionFailedException || cause instanceof BatchListenerFailedException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
