package org.jobsearch.discovery.sync;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The sync on {@code jobsearch.discovery.sync.cron} ({@code -}: never). */
@Component
class ScheduledSync {

    private final SyncService syncs;

    ScheduledSync(SyncService syncs) {
        this.syncs = syncs;
    }

    @Scheduled(cron = "${jobsearch.discovery.sync.cron:0 0 6 * * *}")
    void syncAll() {
        syncs.start(null, SyncRequest.ALL);
    }
}
