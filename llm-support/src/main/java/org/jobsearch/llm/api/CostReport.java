package org.jobsearch.llm.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The caller's LLM spend in a period, as the cost page shows it: totals, per call type, per day
 * (every day of the period, zero when nothing was spent), per job and per application, and the
 * averages. Amounts are USD.
 *
 * @param from the first day of the period (in {@code zone})
 * @param to   the last day of the period, inclusive
 */
record CostReport(LocalDate from, LocalDate to, String zone, String currency, Usage total,
                  List<PurposeUsage> byPurpose, List<DayUsage> byDay, List<JobUsage> byJob,
                  List<ApplicationUsage> byApplication, Average averagePerJob, Average averagePerApplication) {

    /** Calls, tokens by kind (as the provider reported them) and cost. */
    record Usage(long calls, long inputTokens, long cacheWriteTokens, long cacheReadTokens, long outputTokens,
                 BigDecimal costUsd) {

        static final Usage NONE = new Usage(0, 0, 0, 0, 0, BigDecimal.ZERO);
    }

    record PurposeUsage(String purpose, Usage usage) {
    }

    record DayUsage(LocalDate day, Usage usage) {
    }

    record JobUsage(UUID jobId, Usage usage) {
    }

    record ApplicationUsage(UUID applicationId, Usage usage) {
    }

    /** Total over the jobs (applications) with at least one call, and the average per one of them. */
    record Average(long count, BigDecimal totalUsd, BigDecimal averageUsd) {
    }
}
