package org.jobsearch.messaging.deadletter;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jobsearch.events.EventHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code dead_letter} table: the copy of each dead-lettered record that listing and replay read. */
class DeadLetterRepository {

    private static final String COLUMNS = """
            id, consumer_group, topic, kafka_partition, kafka_offset, record_key, event_id, event_type, dlt_topic,
            exception_class, exception_message, failed_at, status, replay_attempts, last_replay_error, replayed_at""";

    private static final RowMapper<DeadLetter> MAPPER = (rs, i) -> new DeadLetter(
            rs.getLong("id"), rs.getString("consumer_group"), rs.getString("topic"), rs.getInt("kafka_partition"),
            rs.getLong("kafka_offset"), rs.getString("record_key"), rs.getString("event_id"),
            rs.getString("event_type"), rs.getString("dlt_topic"), rs.getString("exception_class"),
            rs.getString("exception_message"), instant(rs.getTimestamp("failed_at")), rs.getString("status"),
            rs.getInt("replay_attempts"), rs.getString("last_replay_error"), instant(rs.getTimestamp("replayed_at")));

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    DeadLetterRepository(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Idempotent: recovering the same record twice (a crash between DLT send and commit) keeps one row. */
    void insert(ConsumerRecord<?, ?> record, String consumerGroup, String dltTopic, Throwable cause) {
        jdbc.update("""
                        insert into dead_letter (consumer_group, topic, kafka_partition, kafka_offset, record_key,
                            record_value, headers, event_id, event_type, dlt_topic, exception_class, exception_message)
                        values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?)
                        on conflict (consumer_group, topic, kafka_partition, kafka_offset) do nothing""",
                consumerGroup, record.topic(), record.partition(), record.offset(),
                record.key() == null ? null : record.key().toString(), valueBytes(record.value()),
                json.writeValueAsString(encode(record)), header(record, EventHeaders.CE_ID),
                header(record, EventHeaders.CE_TYPE), dltTopic, cause.getClass().getName(), cause.getMessage());
    }

    List<DeadLetter> find(String status, int page, int size) {
        if (status == null) {
            return jdbc.query("select " + COLUMNS + " from dead_letter order by id limit ? offset ?", MAPPER,
                    size, (long) page * size);
        }
        return jdbc.query("select " + COLUMNS + " from dead_letter where status = ? order by id limit ? offset ?",
                MAPPER, status, size, (long) page * size);
    }

    long count(String status) {
        Long count = status == null
                ? jdbc.queryForObject("select count(*) from dead_letter", Long.class)
                : jdbc.queryForObject("select count(*) from dead_letter where status = ?", Long.class, status);
        return count == null ? 0 : count;
    }

    List<Long> pendingIds() {
        return jdbc.queryForList("select id from dead_letter where status = 'pending' order by id", Long.class);
    }

    Optional<DeadLetter> findById(long id) {
        return jdbc.query("select " + COLUMNS + " from dead_letter where id = ?", MAPPER, id).stream().findFirst();
    }

    /** The record as it was consumed, to run the listener on it again. */
    Optional<ConsumerRecord<String, byte[]>> originalRecord(long id) {
        return jdbc.query("select topic, kafka_partition, kafka_offset, record_key, record_value, headers from dead_letter where id = ?",
                (rs, i) -> {
                    RecordHeaders headers = decode(rs.getString("headers"));
                    byte[] value = rs.getBytes("record_value");
                    return new ConsumerRecord<>(rs.getString("topic"), rs.getInt("kafka_partition"),
                            rs.getLong("kafka_offset"), ConsumerRecord.NO_TIMESTAMP,
                            org.apache.kafka.common.record.TimestampType.NO_TIMESTAMP_TYPE,
                            ConsumerRecord.NULL_SIZE, value == null ? ConsumerRecord.NULL_SIZE : value.length,
                            rs.getString("record_key"), value, headers, Optional.empty());
                }, id).stream().findFirst();
    }

    void markReplayed(long id) {
        jdbc.update("""
                update dead_letter set status = 'replayed', replayed_at = now(), replay_attempts = replay_attempts + 1,
                    last_replay_error = null where id = ?""", id);
    }

    void markReplayFailed(long id, String error) {
        jdbc.update("""
                update dead_letter set replay_attempts = replay_attempts + 1, last_replay_error = ? where id = ?""",
                error, id);
    }

    private static byte[] valueBytes(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        return value.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static List<Map<String, String>> encode(ConsumerRecord<?, ?> record) {
        List<Map<String, String>> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("key", header.key());
            entry.put("value", header.value() == null ? null : Base64.getEncoder().encodeToString(header.value()));
            headers.add(entry);
        }
        return headers;
    }

    private RecordHeaders decode(String stored) {
        RecordHeaders headers = new RecordHeaders();
        for (Map<String, String> entry : json.readValue(stored, new TypeReference<List<Map<String, String>>>() {
        })) {
            String value = entry.get("value");
            headers.add(entry.get("key"), value == null ? null : Base64.getDecoder().decode(value));
        }
        return headers;
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
