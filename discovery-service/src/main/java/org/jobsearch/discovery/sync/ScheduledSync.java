package org.jobsearch.discovery.sync;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The sync on {@code jobsearch.discovery.sync.cron} ({@code -}: never). Every replica fires it; the slot (the cron
 * time fired for) makes it run on one of them only ({@link SyncService#startScheduled}).
 */
@Component
class ScheduledSync {

    private final SyncService syncs;
    private final SyncProperties properties;

    ScheduledSync(SyncService syncs, SyncProperties properties) {
        this.syncs = syncs;
        this.properties = properties;
    }

    @Scheduled(cron = "${jobsearch.discovery.sync.cron:0 0 6 * * *}")
    void syncAll() {
        syncs.startScheduled(slot(CronExpression.parse(properties.cron()), ZonedDateTime.now(ZoneId.systemDefault())));
    }

    /**
     * The latest cron time at or before {@code now} (within the last hour; the scheduler fires on time, so it is
     * there), the same on every replica whose clock is within the schedule's interval.
     */
    static Instant slot(CronExpression cron, ZonedDateTime now) {
        ZonedDateTime slot = null;
        ZonedDateTime cursor = now.minusHours(1);
        ZonedDateTime next;
        while ((next = cron.next(cursor)) != null && !next.isAfter(now)) {
            slot = next;
            cursor = next;
        }
        return (slot != null ? slot : now.withNano(0)).toInstant();
    }
}
