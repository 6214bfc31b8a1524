package org.jobsearch.discovery.ats;

import org.jobsearch.events.AtsPlatform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Test data: properties pointing a platform at a fake, a fixed clock, fixtures. */
final class TestAts {

    /** The day the Workday fixture was captured: "Posted 6 Days Ago" with start date 2026-06-15. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-21T02:00:00Z"), ZoneOffset.UTC);
    static final String LOOPBACK = "127.0.0.1";

    private TestAts() {
    }

    /** No pause, 127.0.0.1 allowed, {@code platform} served by {@code base}. */
    static AtsProperties properties(AtsPlatform platform, URI base) {
        return properties(Map.of(platform, base), List.of(LOOPBACK), Duration.ZERO, 4);
    }

    static AtsProperties properties(Map<AtsPlatform, URI> bases, List<String> extraHosts, Duration pause,
                                    int maxConcurrentHosts) {
        return new AtsProperties(Duration.ofSeconds(2), Duration.ofSeconds(5), 4, Duration.ofSeconds(1),
                Duration.ofSeconds(30), Duration.ofSeconds(60), maxConcurrentHosts, pause, 1000,
                AtsProperties.DEFAULT_USER_AGENT, extraHosts, bases);
    }

    static AtsService service(AtsProperties properties, HostScheduler scheduler, Sleeper sleeper) {
        return new AtsService(properties, scheduler, CLOCK, sleeper);
    }

    static HostScheduler scheduler(AtsProperties properties, Sleeper sleeper) {
        return new HostScheduler(properties.maxConcurrentHosts(), properties.pauseBetweenRequests(), CLOCK, sleeper);
    }

    static String resource(String path) {
        try (InputStream in = TestAts.class.getResourceAsStream("/ats/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource ats/" + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
