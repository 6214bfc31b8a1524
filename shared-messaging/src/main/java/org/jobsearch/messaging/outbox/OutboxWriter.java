package org.jobsearch.messaging.outbox;

import org.jobsearch.events.EventType;
import org.jobsearch.events.IntegrationEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Writes events to the outbox in the caller's transaction, so an event is published exactly when
 * the state change it describes commits. Refuses to write outside a transaction: an event written
 * on its own would be published even if the caller's change then failed.
 */
public class OutboxWriter {

    private static final String INSERT_INTO = """
            insert into outbox (id, aggregatetype, aggregateid, type, payload, source, occurred_at, traceparent)
            values """;
    private static final String ROW = "(?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)";
    private static final String INSERT = INSERT_INTO + ROW;
    private static final int COLUMNS = 8;
    /** Rows per statement in {@link #appendAll}: well below PostgreSQL's 65,535 bind parameters. */
    static final int MAX_ROWS_PER_INSERT = 1000;

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
        requireTransaction("append");
        jdbc.update(INSERT, message.id(), message.aggregateType(), message.aggregateId(), message.type(),
                message.payloadJson(), source, OffsetDateTime.ofInstant(message.occurredAt(), ZoneOffset.UTC), traceparent.get());
    }

    /**
     * Appends many platform events at once, in the caller's transaction like {@link #append}: one
     * multi-row insert (per {@value #MAX_ROWS_PER_INSERT} events) instead of a statement per event.
     * The relay publishes them in the given order; all or none of them commit with the caller.
     */
    public void appendAll(Collection<? extends IntegrationEvent> events) {
        List<OutboxMessage> messages = new ArrayList<>(events.size());
        for (IntegrationEvent event : events) {
            EventType type = EventType.of(event.getClass());
            messages.add(new OutboxMessage(event.eventId(), type.aggregateType(), event.aggregateId(), type.typeName(),
                    json.writeValueAsString(event), event.occurredAt()));
        }
        appendAllMessages(messages);
    }

    /** {@link #appendAll(Collection)} for explicit outbox rows. */
    public void appendAllMessages(List<OutboxMessage> messages) {
        requireTransaction("appendAll");
        if (messages.isEmpty()) {
            return;
        }
        String trace = traceparent.get();
        for (int from = 0; from < messages.size(); from += MAX_ROWS_PER_INSERT) {
            List<OutboxMessage> chunk = messages.subList(from, Math.min(messages.size(), from + MAX_ROWS_PER_INSERT));
            Object[] args = new Object[chunk.size() * COLUMNS];
            int i = 0;
            for (OutboxMessage message : chunk) {
                args[i++] = message.id();
                args[i++] = message.aggregateType();
                args[i++] = message.aggregateId();
                args[i++] = message.type();
                args[i++] = message.payloadJson();
                args[i++] = source;
                args[i++] = OffsetDateTime.ofInstant(message.occurredAt(), ZoneOffset.UTC);
                args[i++] = trace;
            }
            jdbc.update(INSERT_INTO + String.join(", ", Collections.nCopies(chunk.size(), ROW)), args);
        }
    }

    private static void requireTransaction(String method) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("outbox writes must join the caller's transaction; "
                    + "call " + method + "(...) from a @Transactional method");
        }
    }
}
