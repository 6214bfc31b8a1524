package org.jobsearch.llm.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The provider this service calls and the caller's budget.
 *
 * @param offline true for the offline provider: deterministic work, no model, cost 0
 */
record LlmStatus(String provider, String model, boolean offline, Budget budget) {

    /**
     * The caller's spending limit in the current period.
     *
     * @param limit       what the caller may spend per period
     * @param spent       what the caller spent so far in this period
     * @param remaining   {@code limit - spent}, never below 0
     * @param period      {@code month}: a calendar month in UTC
     * @param periodStart the first day of the current period
     * @param periodEnd   the first day of the next period
     */
    record Budget(BigDecimal limit, BigDecimal spent, BigDecimal remaining, String currency, String period,
                  LocalDate periodStart, LocalDate periodEnd) {
    }
}
