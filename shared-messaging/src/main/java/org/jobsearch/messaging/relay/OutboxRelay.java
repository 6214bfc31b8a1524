package org.jobsearch.messaging.relay;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Publishes a service's outbox to Kafka: a Debezium embedded engine (PostgreSQL connector,
 * {@code pgoutput}, Outbox Event Router) reading the service's replication slot, with its offsets
 * stored in the service's own database. Records are sent as Debezium hands them over and confirmed to
 * it in order once Kafka acknowledged them ({@link KafkaBatchPublisher}); the offsets of confirmed records
 * are committed every {@code offsetFlushInterval} and when the engine closes.
 *
 * <p>Single-active: every instance of a service runs one, but only the holder of a PostgreSQL
 * session advisory lock streams. The leader checks its lock session every
 * {@code leaderCheckInterval} and closes its engine the moment that session fails; a standby that
 * gets the lock waits until the slot is no longer active before it starts, so two engines never
 * stream one slot.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** First half of the advisory lock key: "outbox relay"; the second half is the slot's hash. */
    private static final int LOCK_CLASS = 0x0B0C;
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final RelaySettings settings;
    private final Supplier<Producer<String, byte[]>> producers;
    private final RelayListener listener;
    private final AtomicLong published = new AtomicLong();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private volatile boolean running;
    private volatile RelayState state = RelayState.STOPPED;
    private volatile Thread leaderThread;

    public OutboxRelay(RelaySettings settings, Supplier<Producer<String, byte[]>> producers, RelayListener listener) {
        this.settings = settings;
        this.producers = producers;
        this.listener = listener;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        state = RelayState.STANDBY;
        leaderThread = new Thread(this::runElection, "outbox-relay-" + settings.name());
        leaderThread.start();
    }

    /** Graceful stop: the engine commits its offsets, the lock is released. */
    @Override
    public void close() {
        Thread thread;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            thread = leaderThread;
        }
        thread.interrupt();
        try {
            if (!stopped.await(60, TimeUnit.SECONDS)) {
                log.warn("outbox relay {} did not stop within 60 s", settings.name());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public RelayState state() {
        return state;
    }

    public boolean isRunning() {
        return running;
    }

    /** Events this instance has published since it started. */
    public long publishedCount() {
        return published.get();
    }

    public RelaySettings settings() {
        return settings;
    }

    /**
     * The relay's producer configuration: the platform's ({@code acks=all}, idempotence) with
     * {@code linger.ms=0}. The relay hands each record to Kafka as soon as Debezium does, so lingering
     * (Kafka 4's default is 5 ms) would only hold every event back; records sent while requests are in
     * flight are still batched.
     */
    public static Map<String, Object> producerConfig(Map<String, Object> platform) {
        Map<String, Object> config = new HashMap<>(platform);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return Map.copyOf(config);
    }

    private void runElection() {
        try {
            while (running) {
                try (Connection lockSession = DriverManager.getConnection(settings.jdbcUrl(), settings.username(),
                        settings.password())) {
                    lockSession.setAutoCommit(true);
                    while (running && !tryLock(lockSession)) {
                        state = RelayState.STANDBY;
                        pause(settings.leaderCheckInterval());
                    }
                    if (running) {
                        log.info("outbox relay {} is the leader for slot {}", settings.name(), settings.slotName());
                        lead(lockSession);
                    }
                    unlock(lockSession);
                } catch (SQLException e) {
                    if (running) {
                        log.warn("outbox relay {}: lock session failed ({}); retrying", settings.name(), e.getMessage());
                        if (!pauseQuietly(settings.restartBackoff())) {
                            break;
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (RuntimeException e) {
                    // whatever went wrong, a relay that gives up loses nothing but publishes nothing either:
                    // let go of the lock (the session closed above) and contend again after the back-off
                    if (running) {
                        log.error("outbox relay {}: unexpected failure; restarting in {}", settings.name(),
                                settings.restartBackoff(), e);
                        if (!pauseQuietly(settings.restartBackoff())) {
                            break;
                        }
                    }
                }
            }
        } finally {
            state = RelayState.STOPPED;
            stopped.countDown();
            log.info("outbox relay {} stopped", settings.name());
        }
    }

    /** Streams while this instance holds the lock; returns when the lock is lost or the relay stops. */
    private void lead(Connection lockSession) throws SQLException, InterruptedException {
        long nextPurge = 0;
        while (running) {
            state = RelayState.STARTING;
            awaitSlotReleased(lockSession);
            if (!running) {
                return;
            }
            Producer<String, byte[]> producer = producers.get();
            KafkaBatchPublisher publisher = new KafkaBatchPublisher(producer, settings.sendTimeout(), counting());
            DebeziumEngine<RecordChangeEvent<SourceRecord>> engine = DebeziumEngine
                    .create(ChangeEventFormat.of(Connect.class))
                    .using(debeziumProperties())
                    .notifying(publisher)
                    .using((success, message, error) -> {
                        if (!success && running) {
                            log.warn("outbox relay {}: engine stopped: {}", settings.name(), message, error);
                        }
                    })
                    .build();
            ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-engine-" + settings.name()));
            Future<?> run = executor.submit(engine);
            state = RelayState.STREAMING;
            listener.streamingStarted();
            boolean lockHeld = true;
            try {
                while (running && !run.isDone() && (lockHeld = lockSessionAlive(lockSession))) {
                    if (System.nanoTime() - nextPurge > 0) {
                        purge(lockSession);
                        nextPurge = System.nanoTime() + PURGE_EVERY.toNanos();
                    }
                    pause(settings.leaderCheckInterval());
                }
            } catch (InterruptedException e) {
                // close() interrupts us: stop gracefully below
            } finally {
                stopPublishing(publisher);
                closeEngine(engine, executor);
                producer.close(Duration.ofSeconds(10));
                state = RelayState.STARTING;
                listener.streamingStopped();
            }
            if (!lockHeld) {
                log.warn("outbox relay {} lost its lock session; engine closed, contending again", settings.name());
                throw new SQLException("lock session lost");
            }
            if (running) {
                log.warn("outbox relay {}: engine ended; restarting in {}", settings.name(), settings.restartBackoff());
                pause(settings.restartBackoff());
            }
        }
    }

    private RelayListener counting() {
        return new RelayListener() {
            @Override
            public void published(int count) {
                published.addAndGet(count);
                listener.published(count);
            }

            @Override
            public void batchTimed(BatchTiming timing) {
                listener.batchTimed(timing);
            }
        };
    }

    /**
     * Offsets are committed once a second and when the engine closes: the publisher first waits for Kafka's
     * outstanding acknowledgements and confirms those records, so the engine's final commit covers everything
     * that reached Kafka. Confirming from this thread is safe while the engine's thread polls: the publisher's
     * lock keeps it apart from any batch, Debezium's task only records the offsets under its own lock, and
     * Kafka Connect's offset writer serializes flushes (Connect itself commits from another thread).
     */
    private void stopPublishing(KafkaBatchPublisher publisher) {
        boolean interrupted = Thread.interrupted();
        try {
            publisher.stop(settings.sendTimeout());
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeEngine(DebeziumEngine<?> engine, ExecutorService executor) {
        try {
            engine.close();
        } catch (IOException e) {
            log.warn("outbox relay {}: engine close failed", settings.name(), e);
        } catch (IllegalStateException e) {
            // an engine that failed (e.g. Kafka away longer than the send timeout) has shut itself down
            log.debug("outbox relay {}: engine already shut down", settings.name());
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private boolean tryLock(Connection session) throws SQLException {
        try (PreparedStatement ps = session.prepareStatement("select pg_try_advisory_lock(?, hashtext(?))")) {
            ps.setInt(1, LOCK_CLASS);
            ps.setString(2, settings.slotName());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private void unlock(Connection session) {
        try (PreparedStatement ps = session.prepareStatement("select pg_advisory_unlock(?, hashtext(?))")) {
            ps.setInt(1, LOCK_CLASS);
            ps.setString(2, settings.slotName());
            ps.execute();
        } catch (SQLException e) {
            // the session is gone, and the lock with it
        }
    }

    private boolean lockSessionAlive(Connection session) {
        try (Statement s = session.createStatement()) {
            s.setQueryTimeout(5);
            s.execute("select 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * A new leader waits for the previous one's engine to let go of the slot. Whoever still holds it
     * after the takeover timeout no longer holds the lock, so its session is terminated.
     */
    private void awaitSlotReleased(Connection session) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + settings.slotTakeoverTimeout().toNanos();
        while (running) {
            Integer holder = slotHolder(session);
            if (holder == null) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                log.warn("outbox relay {}: slot {} still held by backend {}; terminating it",
                        settings.name(), settings.slotName(), holder);
                try (PreparedStatement ps = session.prepareStatement("select pg_terminate_backend(?)")) {
                    ps.setInt(1, holder);
                    ps.execute();
                }
            }
            pause(settings.leaderCheckInterval());
        }
    }

    private Integer slotHolder(Connection session) throws SQLException {
        try (PreparedStatement ps = session.prepareStatement(
                "select active, active_pid from pg_replication_slots where slot_name = ?")) {
            ps.setString(1, settings.slotName());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("replication slot " + settings.slotName()
                            + " does not exist: the messaging migration creates it");
                }
                return rs.getBoolean(1) ? rs.getInt(2) : null;
            }
        }
    }

    private void purge(Connection session) {
        try (PreparedStatement ps = session.prepareStatement(
                "delete from outbox where created_at < now() - make_interval(secs => ?)")) {
            ps.setLong(1, settings.retention().toSeconds());
            int purged = ps.executeUpdate();
            if (purged > 0) {
                log.info("outbox relay {}: purged {} outbox rows older than {}", settings.name(), purged, settings.retention());
            }
        } catch (SQLException e) {
            log.warn("outbox relay {}: purge failed: {}", settings.name(), e.getMessage());
        }
    }

    private static void pause(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    /** @return false when interrupted, i.e. asked to stop */
    private static boolean pauseQuietly(Duration duration) {
        try {
            pause(duration);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    Properties debeziumProperties() {
        Properties p = new Properties();
        p.setProperty("name", settings.name());
        p.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        p.setProperty("topic.prefix", settings.name());

        p.setProperty("offset.storage", "io.debezium.storage.jdbc.offset.JdbcOffsetBackingStore");
        p.setProperty("offset.storage.jdbc.connection.url", settings.jdbcUrl());
        p.setProperty("offset.storage.jdbc.connection.user", settings.username());
        p.setProperty("offset.storage.jdbc.connection.password", settings.password());
        p.setProperty("offset.storage.jdbc.table.name", "relay_offsets");
        // offsets only ever cover records Kafka acknowledged (KafkaBatchPublisher); committing them at most
        // every offsetFlushInterval instead of after every batch saves a PostgreSQL transaction per batch,
        // and a crash replays at most that interval's events, which the consumers' inboxes drop as duplicates.
        // A graceful stop still commits the last offsets.
        p.setProperty("offset.flush.interval.ms", String.valueOf(settings.offsetFlushInterval().toMillis()));

        p.setProperty("database.hostname", settings.host());
        p.setProperty("database.port", String.valueOf(settings.port()));
        p.setProperty("database.user", settings.username());
        p.setProperty("database.password", settings.password());
        p.setProperty("database.dbname", settings.database());
        p.setProperty("plugin.name", "pgoutput");
        p.setProperty("slot.name", settings.slotName());
        p.setProperty("publication.name", settings.publicationName());
        p.setProperty("publication.autocreate.mode", "disabled");
        p.setProperty("table.include.list", "public.outbox,public.relay_heartbeat");
        p.setProperty("snapshot.mode", "no_data");
        p.setProperty("poll.interval.ms", String.valueOf(settings.pollInterval().toMillis()));
        // Debezium's queue hands over a batch once it holds max.batch.size records or the poll interval has
        // passed: at 1 every record goes at once instead of waiting out the interval (RelaySettings.maxBatchSize)
        p.setProperty("max.batch.size", String.valueOf(settings.maxBatchSize()));
        // Debezium requires max.queue.size > max.batch.size; 8192 is its default
        p.setProperty("max.queue.size",
                String.valueOf(Math.max(8192L, Math.min(Integer.MAX_VALUE, 4L * settings.maxBatchSize()))));
        p.setProperty("heartbeat.interval.ms", String.valueOf(settings.heartbeatInterval().toMillis()));
        p.setProperty("heartbeat.action.query", "update relay_heartbeat set beat_at = now() where id = 1");

        p.setProperty("predicates", "isOutbox");
        p.setProperty("predicates.isOutbox.type", "org.apache.kafka.connect.transforms.predicates.TopicNameMatches");
        p.setProperty("predicates.isOutbox.pattern", Pattern.quote(settings.name()) + "\\.public\\.outbox");
        p.setProperty("transforms", "outbox");
        p.setProperty("transforms.outbox.type", "io.debezium.transforms.outbox.EventRouter");
        p.setProperty("transforms.outbox.predicate", "isOutbox");
        p.setProperty("transforms.outbox.route.topic.replacement", "${routedByValue}.events");
        p.setProperty("transforms.outbox.table.fields.additional.placement",
                "id:header:ce_id,type:header:ce_type,source:header:ce_source,occurred_at:header:ce_time,"
                        + "specversion:header:ce_specversion,traceparent:header:traceparent");
        return p;
    }
}
