package org.jobsearch.gateway.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A token's {@code last_used_at}, written off the request path and at most once per
 * {@link #WRITE_INTERVAL} per token: a script polling several times a second would otherwise update the
 * same row on every request (a row lock and a WAL record each). Uses wait here until {@link #flush}
 * writes them (every few seconds, and at shutdown); a crash loses at most the uses of the last interval.
 * The listing shows a use still waiting here, so a token used a moment ago never shows "not yet".
 */
final class ApiTokenUses {

    static final Duration WRITE_INTERVAL = Duration.ofMinutes(1);

    /** Writes one token's latest use (never moving it backwards). */
    @FunctionalInterface
    interface Writer {
        void write(UUID tokenId, Instant usedAt);
    }

    private static final Logger log = LoggerFactory.getLogger(ApiTokenUses.class);

    /** The latest use of each token not yet written. */
    private final Map<UUID, Instant> pending = new ConcurrentHashMap<>();
    /** When each token's use was last written (this process's clock). */
    private final Map<UUID, Instant> writtenAt = new ConcurrentHashMap<>();
    private final Writer writer;
    private final Clock clock;

    ApiTokenUses(Writer writer, Clock clock) {
        this.writer = writer;
        this.clock = clock;
    }

    void record(UUID tokenId) {
        Instant now = clock.instant();
        pending.merge(tokenId, now, (earlier, later) -> later.isAfter(earlier) ? later : earlier);
    }

    /** A use not written yet. */
    Optional<Instant> pendingUse(UUID tokenId) {
        return Optional.ofNullable(pending.get(tokenId));
    }

    /**
     * Writes each waiting use whose token was not written within the interval (all of them when
     * {@code everything}, at shutdown); returns how many were written.
     */
    int flush(boolean everything) {
        Instant now = clock.instant();
        int written = 0;
        for (Map.Entry<UUID, Instant> use : pending.entrySet()) {
            UUID tokenId = use.getKey();
            Instant last = writtenAt.get(tokenId);
            if (!everything && last != null && now.isBefore(last.plus(WRITE_INTERVAL))) {
                continue;
            }
            Instant usedAt = use.getValue();
            try {
                writer.write(tokenId, usedAt);
                writtenAt.put(tokenId, now);
                // a newer use that came meanwhile stays for the next write
                pending.remove(tokenId, usedAt);
                written++;
            } catch (RuntimeException e) {
                log.warn("Could not record when API token {} was last used; will retry: {}", tokenId, e.toString());
                return written;
            }
        }
        writtenAt.values().removeIf(at -> !now.isBefore(at.plus(WRITE_INTERVAL)));
        return written;
    }

    /** Flushes every {@code period} on a daemon thread until closed; closing writes everything still waiting. */
    Flusher startFlushing(Duration period) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "api-token-uses");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> flush(false), period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return new Flusher(executor);
    }

    final class Flusher implements AutoCloseable {

        private final ScheduledExecutorService executor;

        private Flusher(ScheduledExecutorService executor) {
            this.executor = executor;
        }

        @Override
        public void close() throws InterruptedException {
            executor.shutdown();
            executor.awaitTermination(10, TimeUnit.SECONDS);
            flush(true);
        }
    }
}
