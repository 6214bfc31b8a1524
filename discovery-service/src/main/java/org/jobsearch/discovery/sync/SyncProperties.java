package org.jobsearch.discovery.sync;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Syncs, under {@code jobsearch.discovery.sync}.
 *
 * @param cron           when the scheduled sync runs (Spring cron, six fields); {@code -} switches it off
 * @param staleRetention how long a stale listing is kept after it was last fetched
 * @param pageSize       postings stored per transaction
 * @param storeConcurrency how many fetches may store a page at the same time; keep it below the connection pool's
 *                       size so REST requests always find a connection while a sync runs
 */
@ConfigurationProperties("jobsearch.discovery.sync")
public record SyncProperties(
        @DefaultValue("0 0 6 * * *") String cron,
        @DefaultValue("30d") Duration staleRetention,
        @DefaultValue("100") int pageSize,
        @DefaultValue("4") int storeConcurrency) {

    public SyncProperties {
        if (cron == null || cron.isBlank()) {
            throw new IllegalArgumentException("jobsearch.discovery.sync.cron must be a cron expression or '-'");
        }
        if (staleRetention == null || staleRetention.isNegative() || staleRetention.isZero()) {
            throw new IllegalArgumentException("jobsearch.discovery.sync.stale-retention must be positive");
        }
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("jobsearch.discovery.sync.page-size must be between 1 and 1000");
        }
        if (storeConcurrency < 1 || storeConcurrency > 64) {
            throw new IllegalArgumentException("jobsearch.discovery.sync.store-concurrency must be between 1 and 64");
        }
    }
}
