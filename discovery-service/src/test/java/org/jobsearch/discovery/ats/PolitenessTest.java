package org.jobsearch.discovery.ats;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link HostScheduler} with real HTTP to three local hosts: never two requests in flight to one host, hosts worked
 * on at the same time up to the bound, and the pause between requests to a host (recorded, not waited: the clock is
 * fixed, so every request after a host's first waits the whole pause).
 */
class PolitenessTest {

    static final Duration PAUSE = Duration.ofMillis(250);
    static final int UNITS_PER_HOST = 4;
    static final int REQUESTS_PER_UNIT = 3;

    final List<FakeAtsServer> hosts = List.of(new FakeAtsServer(), new FakeAtsServer(), new FakeAtsServer());
    final RecordingSleeper sleeper = new RecordingSleeper();
    final ExecutorService outsideCallers = Executors.newFixedThreadPool(3);
    HostScheduler scheduler;

    @AfterEach
    void tearDown() {
        outsideCallers.shutdownNow();
        scheduler.close();
        hosts.forEach(FakeAtsServer::close);
    }

    AtsHttp http(int maxConcurrentHosts) {
        AtsProperties properties = TestAts.properties(Map.of(), List.of(TestAts.LOOPBACK), PAUSE, maxConcurrentHosts);
        scheduler = TestAts.scheduler(properties, sleeper);
        return AtsHttp.create(properties, scheduler, TestAts.CLOCK, sleeper);
    }

    @Test
    void oneRequestAtATimePerHostWhileHostsOverlapAndThePauseIsKept() {
        AtsHttp http = http(3);
        CountDownLatch allHostsBusy = new CountDownLatch(hosts.size());
        List<Boolean> overlapped = new ArrayList<>();
        for (FakeAtsServer host : hosts) {
            AtomicInteger seen = new AtomicInteger();
            host.route("GET", "/jobs", FakeAtsServer.Reply.json("{\"jobs\":[]}")).hook(request -> {
                if (seen.incrementAndGet() == 1) {
                    // the first request to each host waits until every host has one in flight
                    allHostsBusy.countDown();
                    boolean all = allHostsBusy.await(10, TimeUnit.SECONDS);
                    synchronized (overlapped) {
                        overlapped.add(all);
                    }
                }
                // hold each request briefly, so that a second one to the same host would be caught in flight
                LockSupport.parkNanos(Duration.ofMillis(3).toNanos());
            });
        }

        List<CompletableFuture<?>> work = new ArrayList<>();
        for (FakeAtsServer host : hosts) {
            URI jobs = URI.create(host.base() + "/jobs");
            for (int unit = 0; unit < UNITS_PER_HOST; unit++) {
                work.add(scheduler.submit(host.hostKey(), () -> requests(http, jobs)));
            }
            // a caller outside the lanes still goes through the host's gate
            work.add(CompletableFuture.supplyAsync(() -> requests(http, jobs), outsideCallers));
        }
        CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).join();

        int requestsPerHost = (UNITS_PER_HOST + 1) * REQUESTS_PER_UNIT;
        for (FakeAtsServer host : hosts) {
            assertThat(host.requests()).hasSize(requestsPerHost);
            assertThat(host.maxInFlight()).as("requests in flight at once to " + host.hostKey()).isEqualTo(1);
        }
        assertThat(overlapped).as("every host had a request in flight at the same time").containsOnly(true).hasSize(3);
        assertThat(sleeper.sleeps()).as("a pause before every request but each host's first")
                .hasSize(hosts.size() * (requestsPerHost - 1))
                .containsOnly(PAUSE);
    }

    @Test
    void noMoreHostsAtOnceThanTheBound() {
        AtsHttp http = http(2);
        AtomicInteger busyHosts = new AtomicInteger();
        AtomicInteger maxBusyHosts = new AtomicInteger();
        CountDownLatch twoBusy = new CountDownLatch(2);
        List<CompletableFuture<?>> work = new ArrayList<>();
        for (FakeAtsServer host : hosts) {
            host.route("GET", "/jobs", FakeAtsServer.Reply.json("{\"jobs\":[]}"));
            URI jobs = URI.create(host.base() + "/jobs");
            for (int unit = 0; unit < UNITS_PER_HOST; unit++) {
                work.add(scheduler.submit(host.hostKey(), () -> {
                    maxBusyHosts.accumulateAndGet(busyHosts.incrementAndGet(), Math::max);
                    try {
                        twoBusy.countDown();
                        twoBusy.await(10, TimeUnit.SECONDS);
                        return requests(http, jobs);
                    } finally {
                        busyHosts.decrementAndGet();
                    }
                }));
            }
        }
        CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).join();

        assertThat(maxBusyHosts.get()).isEqualTo(2);
        assertThat(hosts).allSatisfy(host -> {
            assertThat(host.requests()).hasSize(UNITS_PER_HOST * REQUESTS_PER_UNIT);
            assertThat(host.maxInFlight()).isEqualTo(1);
        });
    }

    @Test
    void unitsOfOneHostRunInOrder() {
        http(2);
        List<Integer> order = new ArrayList<>();
        List<CompletableFuture<?>> work = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int unit = i;
            work.add(scheduler.submit("example.org", () -> {
                synchronized (order) {
                    order.add(unit);
                }
                return unit;
            }));
        }
        CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).join();

        assertThat(order).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    private static int requests(AtsHttp http, URI uri) {
        try {
            for (int i = 0; i < REQUESTS_PER_UNIT; i++) {
                http.getJson(uri, Map.of());
            }
            return REQUESTS_PER_UNIT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
