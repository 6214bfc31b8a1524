package org.jobsearch.messaging.testapp;

import org.jobsearch.messaging.inbox.EventEnvelope;
import org.jobsearch.messaging.inbox.EventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.stereotype.Component;

import java.util.function.Consumer;

/**
 * Records one effect row per event. An event naming a {@code parentId} needs that parent row to
 * exist: a condition outside the record, for the replay test.
 */
@Component
public class TestEventHandler implements EventHandler<TestEvent> {

    public static final String TOPIC = "testagg.events";

    /**
     * Set only in a fault test's child process: runs once the effect's transaction has committed, before
     * the listener container commits the record's offset (e.g. to halt the JVM exactly there).
     */
    public static volatile Consumer<TestEvent> afterCommit;

    private final JdbcTemplate jdbc;

    private final String topic;

    TestEventHandler(JdbcTemplate jdbc, @Value("${messaging-test.topic:" + TOPIC + "}") String topic) {
        this.jdbc = jdbc;
        this.topic = topic;
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public String eventType() {
        return TestEvent.TYPE;
    }

    @Override
    public Class<TestEvent> payloadType() {
        return TestEvent.class;
    }

    @Override
    public void handle(TestEvent event, EventEnvelope envelope) {
        if (event.parentId() != null) {
            Integer parents = jdbc.queryForObject("select count(*) from test_parent where id = ?", Integer.class, event.parentId());
            if (parents == null || parents == 0) {
                throw new IllegalStateException("parent " + event.parentId() + " does not exist yet");
            }
        }
        jdbc.update("insert into test_effect (event_id, batch, aggregate, seq) values (?, ?, ?, ?)",
                event.eventId(), event.batch(), event.aggregate(), event.seq());
        Consumer<TestEvent> hook = afterCommit;
        if (hook != null) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    hook.accept(event);
                }
            });
        }
    }
}
