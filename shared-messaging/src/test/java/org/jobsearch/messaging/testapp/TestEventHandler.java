package org.jobsearch.messaging.testapp;

import org.jobsearch.messaging.inbox.EventEnvelope;
import org.jobsearch.messaging.inbox.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records one effect row per event. An event naming a {@code parentId} needs that parent row to
 * exist: a condition outside the record, for the replay test.
 */
@Component
public class TestEventHandler implements EventHandler<TestEvent> {

    public static final String TOPIC = "testagg.events";

    private final JdbcTemplate jdbc;

    TestEventHandler(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String topic() {
        return TOPIC;
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
    }
}
