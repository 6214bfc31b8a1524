package org.jobsearch.messaging.outbox;

import org.jobsearch.events.EventType;
import org.jobsearch.events.IntegrationEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * Writes events to the outbox in the caller's transaction, so an event is published exactly when
 * the state change it describes commits. Refuses to write outside a transaction: an event written
 * on its own would be published even if the caller's change then failed.
 */
public class OutboxWriter {

    private static final String INSERT = """
            insert into outbox (id, aggregatetype, aggregateid, type, payload, source, occurred_at, traceparent)
            values (?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final String source;
    private final Supplier<String> traceparent;

    public OutboxWriter(JdbcTemplate jdbc, JsonMapper json, String source, Supplier<String> traceparent) {
        this.jdbc = jdbc;
        this.json = json;
        this.source = source;
        this.traceparent = traceparent;
    }

    /** Appends a platform event; its aggregate, topic and type name come from {@link EventType}. */
    public void append(IntegrationEvent event) {
        EventType type = EventType.of(event.getClass());
        append(new OutboxMessage(event.eventId(), type.aggregateType(), event.aggregateId(), type.typeName(),
                json.writeValueAsString(event), event.occurredAt()));
    }

    public void append(OutboxMessage message) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("outbox writes must join the caller's transaction; "
                    + "call append(...) from a @Transactional method");
        }
        jdbc.update(INSERT, message.id(), message.aggregateType(), message.aggregateId(), message.type(),
                message.payloadJson(), source, OffsetDateTime.ofInstant(message.occurredAt(), ZoneOffset.UTC), traceparent.get());
    }
}
