package org.jobsearch.messaging.testapp;

import org.jobsearch.events.ApplicationStatusChanged;
import org.jobsearch.messaging.inbox.EventEnvelope;
import org.jobsearch.messaging.inbox.IntegrationEventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Keeps every ApplicationStatusChanged it receives, with its headers, for the round-trip test. */
@Component
public class ApplicationStatusChangedRecorder extends IntegrationEventHandler<ApplicationStatusChanged> {

    private final JdbcTemplate jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    ApplicationStatusChangedRecorder(JdbcTemplate jdbc) {
        super(ApplicationStatusChanged.class);
        this.jdbc = jdbc;
    }

    @Override
    public void handle(ApplicationStatusChanged event, EventEnvelope envelope) {
        jdbc.update("insert into received_platform_event (event_id, payload, ce_type, ce_source, ce_time) values (?, ?, ?, ?, ?)",
                envelope.eventId(), json.writeValueAsString(event), envelope.type(), envelope.source(), envelope.time());
    }
}
