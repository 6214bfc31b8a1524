package org.jobsearch.messaging.inbox;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jobsearch.events.EventHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The idempotent inbox: picks the handlers for a record by topic and {@code ce_type}, reads and
 * validates the payload, and runs each handler in a transaction that starts by inserting
 * {@code (event id, handler)} into {@code processed_event}. A redelivered event conflicts on that
 * key and is counted as a duplicate instead of running again; two deliveries of one event at the
 * same moment serialize on the key, and the second sees the first's row (or, if the first rolled
 * back, runs the effect itself). {@link #dispatchAll} does the same for a poll's records in one
 * transaction.
 */
public class InboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(InboxDispatcher.class);
    private static final String CLAIM = """
            insert into processed_event (event_id, handler) values (?, ?) on conflict do nothing""";
    private static final String CLAIM_ALL = "insert into processed_event (event_id, handler) values ";
    private static final int CLAIMS_PER_INSERT = 1000;

    private final Map<String, Map<String, List<EventHandler<?>>>> handlersByTopicAndType;
    private final JsonMapper json;
    private final Validator validator;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final InboxStats stats;

    public InboxDispatcher(Collection<EventHandler<?>> handlers, JsonMapper json, Validator validator,
                           JdbcTemplate jdbc, TransactionTemplate transactions, InboxStats stats) {
        this.handlersByTopicAndType = handlers.stream().collect(Collectors.groupingBy(EventHandler::topic,
                Collectors.groupingBy(EventHandler::eventType)));
        this.json = json;
        this.validator = validator;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.stats = stats;
    }

    /** The topics some handler of this service listens to. */
    public Set<String> topics() {
        return handlersByTopicAndType.keySet();
    }

    public void dispatch(ConsumerRecord<String, byte[]> record) {
        dispatch(record, false);
    }

    /**
     * Processes one record. Throws {@link PoisonMessageException} for records that can never be
     * processed, and whatever a handler throws for failures worth retrying.
     */
    public void dispatch(ConsumerRecord<String, byte[]> record, boolean replay) {
        String type = header(record.headers(), EventHeaders.CE_TYPE);
        List<EventHandler<?>> handlers = handlersByTopicAndType
                .getOrDefault(record.topic(), Map.of())
                .getOrDefault(type, List.of());
        if (handlers.isEmpty()) {
            stats.skipped();
            return;
        }
        EventEnvelope envelope = envelope(record, type, replay);
        for (EventHandler<?> handler : handlers) {
            runOnce(handler, record, envelope);
        }
    }

    /**
     * Processes a poll's records in one transaction: every record's payloads are read and validated
     * first, every (event, handler) is claimed with one multi-row insert into {@code processed_event},
     * then the claimed ones are handled in record order, and all of it commits once.
     * A redelivered event, or one that came twice in the batch, is a duplicate as in {@link #dispatch}.
     * If anything fails, the whole transaction rolls back and the exception propagates: the caller
     * then processes the records one by one with {@link #dispatch} to find the record at fault
     * ({@link InboxListeners} does).
     */
    public void dispatchAll(List<ConsumerRecord<String, byte[]>> records) {
        List<Work<?>> work = new ArrayList<>(records.size());
        int skipped = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            String type = header(record.headers(), EventHeaders.CE_TYPE);
            List<EventHandler<?>> handlers = handlersByTopicAndType
                    .getOrDefault(record.topic(), Map.of())
                    .getOrDefault(type, List.of());
            if (handlers.isEmpty()) {
                skipped++;
                continue;
            }
            EventEnvelope envelope = envelope(record, type, false);
            for (EventHandler<?> handler : handlers) {
                work.add(prepare(handler, record, envelope));
            }
        }
        int ran = 0;
        if (!work.isEmpty()) {
            Integer count = transactions.execute(status -> {
                Set<String> claimed = claimAll(work);
                int processed = 0;
                for (Work<?> item : work) {
                    // remove: an event that came twice in the batch runs once
                    if (claimed.remove(item.key())) {
                        item.run();
                        processed++;
                    } else {
                        log.debug("event {} already processed by {}; skipped", item.envelope.eventId(),
                                item.handler.name());
                    }
                }
                return processed;
            });
            ran = count == null ? 0 : count;
        }
        for (int i = 0; i < skipped; i++) {
            stats.skipped();
        }
        for (int i = 0; i < ran; i++) {
            stats.processed();
        }
        for (int i = ran; i < work.size(); i++) {
            stats.duplicate();
        }
    }

    /**
     * Claims every (event, handler) of the batch with one multi-row insert per {@value #CLAIMS_PER_INSERT};
     * the rows that conflict (already processed, or twice in the batch) are not returned.
     */
    private Set<String> claimAll(List<Work<?>> work) {
        Set<String> claimed = new HashSet<>();
        for (int from = 0; from < work.size(); from += CLAIMS_PER_INSERT) {
            List<Work<?>> chunk = work.subList(from, Math.min(work.size(), from + CLAIMS_PER_INSERT));
            Object[] args = new Object[chunk.size() * 2];
            int i = 0;
            for (Work<?> item : chunk) {
                args[i++] = item.envelope.eventId();
                args[i++] = item.handler.name();
            }
            jdbc.query(CLAIM_ALL + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?)"))
                            + " on conflict do nothing returning event_id, handler",
                    rs -> {
                        claimed.add(rs.getObject(1, UUID.class) + "|" + rs.getString(2));
                    }, args);
        }
        return claimed;
    }

    private <T> Work<T> prepare(EventHandler<T> handler, ConsumerRecord<String, byte[]> record, EventEnvelope envelope) {
        return new Work<>(handler, read(handler.payloadType(), record, envelope), envelope);
    }

    /** One (event, handler) of a batch, read and validated, to run in the batch's transaction. */
    private final class Work<T> {
        private final EventHandler<T> handler;
        private final T payload;
        private final EventEnvelope envelope;

        Work(EventHandler<T> handler, T payload, EventEnvelope envelope) {
            this.handler = handler;
            this.payload = payload;
            this.envelope = envelope;
        }

        String key() {
            return envelope.eventId() + "|" + handler.name();
        }

        void run() {
            handler.handle(payload, envelope);
        }
    }

    private <T> void runOnce(EventHandler<T> handler, ConsumerRecord<String, byte[]> record, EventEnvelope envelope) {
        T payload = read(handler.payloadType(), record, envelope);
        Boolean ran = transactions.execute(status -> {
            if (jdbc.update(CLAIM, envelope.eventId(), handler.name()) == 0) {
                return false;
            }
            handler.handle(payload, envelope);
            return true;
        });
        if (Boolean.TRUE.equals(ran)) {
            stats.processed();
        } else {
            stats.duplicate();
            log.debug("event {} already processed by {}; skipped", envelope.eventId(), handler.name());
        }
    }

    private <T> T read(Class<T> type, ConsumerRecord<String, byte[]> record, EventEnvelope envelope) {
        if (record.value() == null) {
            throw new PoisonMessageException("event " + envelope.eventId() + " has no payload");
        }
        T payload;
        try {
            payload = json.readValue(record.value(), type);
        } catch (JacksonException e) {
            throw new PoisonMessageException("event " + envelope.eventId() + " (" + envelope.type()
                    + ") is not readable as " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
        if (payload == null) {
            throw new PoisonMessageException("event " + envelope.eventId() + " has a null payload");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(payload);
        if (!violations.isEmpty()) {
            String fields = violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .collect(Collectors.joining("; "));
            throw new EventValidationException("event " + envelope.eventId() + " (" + envelope.type()
                    + ") is invalid: " + fields);
        }
        return payload;
    }

    private static EventEnvelope envelope(ConsumerRecord<String, byte[]> record, String type, boolean replay) {
        String id = header(record.headers(), EventHeaders.CE_ID);
        if (id == null) {
            throw new PoisonMessageException("record " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " has no " + EventHeaders.CE_ID + " header");
        }
        UUID eventId;
        try {
            eventId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new PoisonMessageException("record " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " has a malformed " + EventHeaders.CE_ID + ": " + id, e);
        }
        return new EventEnvelope(eventId, type, header(record.headers(), EventHeaders.CE_SOURCE),
                header(record.headers(), EventHeaders.CE_TIME), header(record.headers(), EventHeaders.TRACEPARENT),
                record.topic(), record.partition(), record.offset(), record.key(), replay);
    }

    static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The payload broke its contract's constraints. */
    public static class EventValidationException extends PoisonMessageException {
        public EventValidationException(String message) {
            super(message);
        }
    }
}
