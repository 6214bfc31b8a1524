package org.jobsearch.discovery.ats;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits; tests pass one that records instead, so pauses and back-offs are asserted without wall time. */
@FunctionalInterface
public interface Sleeper {

    Sleeper SYSTEM = duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());

    void sleep(Duration duration) throws InterruptedException;
}
