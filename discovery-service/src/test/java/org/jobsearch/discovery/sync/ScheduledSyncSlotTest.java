package org.jobsearch.discovery.sync;

import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.CronExpression;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** Replicas firing the same schedule agree on its slot, however late each fires within the interval. */
class ScheduledSyncSlotTest {

    @Test
    void theSlotIsTheLatestCronTimeAtOrBeforeNow() {
        CronExpression daily = CronExpression.parse("0 0 6 * * *");
        Instant six = Instant.parse("2026-11-26T06:00:00Z");
        assertThat(ScheduledSync.slot(daily, at("2026-11-26T06:00:00Z"))).isEqualTo(six);
        assertThat(ScheduledSync.slot(daily, at("2026-11-26T06:00:00.350Z"))).isEqualTo(six);
        assertThat(ScheduledSync.slot(daily, at("2026-11-26T06:00:02.900Z"))).as("a replica a little late").isEqualTo(six);

        CronExpression everyFive = CronExpression.parse("0 */5 * * * *");
        assertThat(ScheduledSync.slot(everyFive, at("2026-11-26T10:05:00.010Z")))
                .isEqualTo(Instant.parse("2026-11-26T10:05:00Z"));
        assertThat(ScheduledSync.slot(everyFive, at("2026-11-26T10:09:59Z")))
                .isEqualTo(Instant.parse("2026-11-26T10:05:00Z"));
    }

    private static ZonedDateTime at(String instant) {
        return Instant.parse(instant).atZone(ZoneOffset.UTC);
    }
}
