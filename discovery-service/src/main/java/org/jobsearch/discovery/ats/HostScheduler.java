package org.jobsearch.discovery.ats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Politeness towards the ATS hosts, in two layers:
 * <ul>
 *   <li>{@link #submit}: units of work (e.g. "fetch this company") queue per host and run one at a time per host;
 *       at most {@code maxConcurrentHosts} hosts are worked on at once, and hosts take turns between units.</li>
 *   <li>{@link #request}: every single HTTP request holds its host's lock, so there is never more than one request
 *       in flight to a host (even from callers outside {@link #submit}), and waits until {@code pause} has passed
 *       since the previous request to that host ended.</li>
 * </ul>
 * Hosts are keyed as {@code host[:port]}, lower case.
 */
public final class HostScheduler implements AutoCloseable {

    private final ExecutorService workers;
    private final Duration pause;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final Map<String, Gate> gates = new ConcurrentHashMap<>();

    public HostScheduler(int maxConcurrentHosts, Duration pauseBetweenRequests, Clock clock, Sleeper sleeper) {
        if (maxConcurrentHosts < 1) {
            throw new IllegalArgumentException("maxConcurrentHosts must be at least 1");
        }
        if (pauseBetweenRequests == null || pauseBetweenRequests.isNegative()) {
            throw new IllegalArgumentException("pauseBetweenRequests must be zero or positive");
        }
        this.pause = pauseBetweenRequests;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.workers = Executors.newFixedThreadPool(maxConcurrentHosts, new DaemonThreads());
    }

    /** Runs {@code task} after the host's earlier tasks, on one of the {@code maxConcurrentHosts} workers. */
    public <T> CompletableFuture<T> submit(String host, Callable<T> task) {
        Unit<T> unit = new Unit<>(Objects.requireNonNull(task, "task"));
        lanes.computeIfAbsent(key(host), h -> new Lane()).add(unit);
        return unit.result;
    }

    /**
     * Runs one request to {@code host}: alone (no other request to that host in flight) and not before the pause
     * since the previous request to it ended.
     */
    public <T> T request(String host, Supplier<T> call) throws InterruptedException {
        Gate gate = gates.computeIfAbsent(key(host), h -> new Gate());
        gate.lock.lockInterruptibly();
        try {
            if (gate.lastEnded != null && !pause.isZero()) {
                Duration wait = pause.minus(Duration.between(gate.lastEnded, clock.instant()));
                if (!wait.isNegative() && !wait.isZero()) {
                    sleeper.sleep(wait);
                }
            }
            return call.get();
        } finally {
            gate.lastEnded = clock.instant();
            gate.lock.unlock();
        }
    }

    /** Stops the workers: queued units complete exceptionally, running ones are interrupted. */
    @Override
    public void close() {
        workers.shutdownNow();
        lanes.values().forEach(Lane::abandon);
    }

    static String key(String host) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is required");
        }
        return host.toLowerCase(Locale.ROOT);
    }

    /** The units of one host: at most one of them queued on or running in the pool at any time. */
    private final class Lane {
        private final Deque<Unit<?>> queue = new ArrayDeque<>();
        private boolean scheduled;

        void add(Unit<?> unit) {
            synchronized (this) {
                queue.add(unit);
                if (scheduled) {
                    return;
                }
                scheduled = true;
            }
            dispatch();
        }

        private void runNext() {
            Unit<?> next;
            synchronized (this) {
                next = queue.poll();
            }
            try {
                if (next != null) {
                    next.run();
                }
            } finally {
                boolean more;
                synchronized (this) {
                    more = !queue.isEmpty();
                    scheduled = more;
                }
                if (more) {
                    // to the back of the pool's queue: other hosts get their turn between this host's units
                    dispatch();
                }
            }
        }

        private void dispatch() {
            try {
                workers.execute(this::runNext);
            } catch (RejectedExecutionException closed) {
                abandon();
            }
        }

        void abandon() {
            Deque<Unit<?>> dropped;
            synchronized (this) {
                dropped = new ArrayDeque<>(queue);
                queue.clear();
                scheduled = false;
            }
            dropped.forEach(unit -> unit.result.completeExceptionally(
                    new RejectedExecutionException("the host scheduler is closed")));
        }
    }

    private static final class Unit<T> {
        final Callable<T> task;
        final CompletableFuture<T> result = new CompletableFuture<>();

        Unit(Callable<T> task) {
            this.task = task;
        }

        void run() {
            if (result.isDone()) {
                return;
            }
            try {
                result.complete(task.call());
            } catch (Throwable failure) {
                result.completeExceptionally(failure);
            }
        }
    }

    private static final class Gate {
        final ReentrantLock lock = new ReentrantLock(true);
        Instant lastEnded;
    }

    private static final class DaemonThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "ats-fetch-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
