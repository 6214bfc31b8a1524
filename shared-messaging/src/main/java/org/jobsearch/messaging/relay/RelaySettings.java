package org.jobsearch.messaging.relay;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything one outbox relay needs, independent of Spring so a relay can also run in a plain JVM
 * (tests kill such a JVM with SIGKILL).
 *
 * @param jdbcUrl             the service's database, {@code jdbc:postgresql://host:port/db}
 * @param name                engine name and {@code topic.prefix}: the key of the stored offsets
 * @param slotName            the replication slot, created by the messaging migration
 * @param publicationName     the publication over the outbox, created by the messaging migration
 * @param pollInterval        Debezium's {@code poll.interval.ms}: how long the connector sleeps when the
 *                            replication stream has nothing and how long it gathers a batch of fewer than
 *                            {@code maxBatchSize} records; Debezium's queue also spins for the last
 *                            millisecond of every interval, so an idle relay burns about 1/(interval + 1 ms)
 *                            of a core
 * @param leaderCheckInterval how often the leader checks its lock session and standbys retry the lock
 * @param slotTakeoverTimeout how long a new leader waits for the old leader to release the slot
 *                            before it terminates that session itself
 * @param offsetFlushInterval Debezium's {@code offset.flush.interval.ms}: offsets of acknowledged batches
 *                            are committed to the service's database at most this often (0: after every
 *                            batch); a crash replays up to this much, which the inboxes drop as duplicates
 * @param maxBatchSize        Debezium's {@code max.batch.size}, as {@code jobsearch.messaging.relay.max-batch-size}
 *                            (default {@value #DEFAULT_MAX_BATCH_SIZE}). Debezium's queue hands over a batch only
 *                            when it holds this many records or the poll interval has passed, so with a larger
 *                            value every event of a quiet outbox waits the whole poll interval in the queue. At
 *                            1 the queue hands each record over the moment it arrives; the relay does not wait
 *                            for Kafka per batch ({@link KafkaBatchPublisher} sends and confirms in a pipeline),
 *                            so single-record batches still keep up with thousands of events a second. A larger
 *                            value (Debezium's default is 2048) saves the engine's per-batch work (a poll, a
 *                            transform hand-off and a {@code handleBatch} per record at 1) and delivers bursts the
 *                            consumers' inboxes take in fewer transactions, so it sustains more under a heavy
 *                            backlog, but brings back the wait of up to one poll interval per event at low rates
 *                            (event-path benchmark on an idle 2-core machine at 1: commit → relay p50 3.6 ms at
 *                            100 ev/s where 2048 gave 10.5 ms, and the outbox path held 3,500 ev/s; a quick run at
 *                            2048 on a busier machine held 3,000 where 1 held 2,000: docs/benchmarks.md).
 */
public record RelaySettings(String jdbcUrl, String username, String password, String name, String slotName,
                            String publicationName, Duration pollInterval, Duration leaderCheckInterval,
                            Duration restartBackoff, Duration sendTimeout, Duration heartbeatInterval,
                            Duration retention, Duration slotTakeoverTimeout, Duration offsetFlushInterval,
                            int maxBatchSize) {

    public RelaySettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("the outbox relay needs a PostgreSQL JDBC URL, got " + jdbcUrl);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(slotName, "slotName");
        Objects.requireNonNull(publicationName, "publicationName");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (pollInterval.toMillis() < 1) {
            throw new IllegalArgumentException("pollInterval must be at least 1 ms (Debezium counts milliseconds), got "
                    + pollInterval);
        }
        Objects.requireNonNull(offsetFlushInterval, "offsetFlushInterval");
        if (offsetFlushInterval.isNegative()) {
            throw new IllegalArgumentException("offsetFlushInterval must not be negative, got " + offsetFlushInterval);
        }
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("maxBatchSize (jobsearch.messaging.relay.max-batch-size, Debezium's "
                    + "max.batch.size) must be at least 1, got " + maxBatchSize);
        }
        if (password == null || password.isEmpty()) {
            // Debezium's JDBC offset store refuses an empty password, even where the server trusts the connection
            throw new IllegalArgumentException("the outbox relay needs a database password (spring.datasource.password)");
        }
    }

    /**
     * Debezium's idle poll and batch gathering time, as {@code jobsearch.messaging.relay.poll-interval}:
     * 10 ms: an idle relay spins about 9 % of a core (Debezium's queue busy-waits the last millisecond of
     * each interval), four services about a third of a core on a small machine; 5 ms halves the wait per
     * event for twice that (17 % each), 1 ms would spin half a core each.
     */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(10);
    /** As {@code jobsearch.messaging.relay.offset-flush-interval}. */
    public static final Duration DEFAULT_OFFSET_FLUSH_INTERVAL = Duration.ofSeconds(1);
    /** As {@code jobsearch.messaging.relay.max-batch-size}: one record per batch, see {@link #maxBatchSize()}. */
    public static final int DEFAULT_MAX_BATCH_SIZE = 1;

    /** The usual timings, for tools and tests that only know where the database is. */
    public static RelaySettings withDefaults(String jdbcUrl, String username, String password, String name,
                                             String slotName) {
        return new RelaySettings(jdbcUrl, username, password, name, slotName, "outbox_publication",
                DEFAULT_POLL_INTERVAL, Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(30),
                Duration.ofSeconds(10), Duration.ofDays(7), Duration.ofSeconds(60), DEFAULT_OFFSET_FLUSH_INTERVAL,
                DEFAULT_MAX_BATCH_SIZE);
    }

    /** A copy with another poll interval and offset flush interval (benchmarks compare settings with it). */
    public RelaySettings withTimings(Duration pollInterval, Duration offsetFlushInterval) {
        return new RelaySettings(jdbcUrl, username, password, name, slotName, publicationName, pollInterval,
                leaderCheckInterval, restartBackoff, sendTimeout, heartbeatInterval, retention, slotTakeoverTimeout,
                offsetFlushInterval, maxBatchSize);
    }

    /** A copy with another Debezium {@code max.batch.size} (benchmarks compare settings with it). */
    public RelaySettings withMaxBatchSize(int maxBatchSize) {
        return new RelaySettings(jdbcUrl, username, password, name, slotName, publicationName, pollInterval,
                leaderCheckInterval, restartBackoff, sendTimeout, heartbeatInterval, retention, slotTakeoverTimeout,
                offsetFlushInterval, maxBatchSize);
    }

    URI databaseUri() {
        return URI.create(jdbcUrl.substring("jdbc:".length()));
    }

    String host() {
        return databaseUri().getHost();
    }

    int port() {
        int port = databaseUri().getPort();
        return port < 0 ? 5432 : port;
    }

    String database() {
        String path = databaseUri().getPath();
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
