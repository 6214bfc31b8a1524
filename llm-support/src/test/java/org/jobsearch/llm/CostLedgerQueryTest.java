package org.jobsearch.llm;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The cost page's aggregations, on real PostgreSQL, scoped to one owner. */
class CostLedgerQueryTest extends LlmIntegrationTest {

    static final Instant DAY1 = Instant.parse("2026-03-02T10:00:00Z");
    static final Instant DAY2 = Instant.parse("2026-03-03T23:30:00Z");
    static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-04-01T00:00:00Z");

    void insert(UUID owner, UUID job, UUID application, String purpose, String cost, Instant at) {
        jdbc.update("""
                        insert into llm_call (id, owner_id, job_id, application_id, purpose, provider, model, input_tokens,
                            cache_write_tokens, cache_read_tokens, output_tokens, cost_usd, outcome, created_at)
                        values (?, ?, ?, ?, ?, 'anthropic', 'claude-sonnet-4-5', 1000, 200, 100, 50, ?, 'ok', ?)""",
                UUID.randomUUID(), owner, job, application, purpose, new BigDecimal(cost), Timestamp.from(at));
    }

    @Test
    void spendPerPurposeDayJobAndAverage_countOnlyTheOwnersRows() {
        UUID owner = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID jobA = UUID.randomUUID();
        UUID jobB = UUID.randomUUID();
        UUID application = UUID.randomUUID();
        insert(owner, jobA, null, "jd_parse", "0.017", DAY1);
        insert(owner, jobA, null, "bullets", "0.014", DAY1);
        insert(owner, jobA, null, "bullets", "0.014", DAY1);
        insert(owner, jobB, application, "jd_parse", "0.020", DAY2);
        insert(owner, jobB, application, "prep_interview", "0.300", DAY2);
        insert(owner, null, null, "skills", "0.005", DAY2);
        insert(owner, jobA, null, "jd_parse", "9.000", TO.plusSeconds(3600));   // next month: outside the period
        insert(other, jobA, null, "jd_parse", "7.000", DAY1);                   // someone else's spend
        insert(other, UUID.randomUUID(), application, "bullets", "8.000", DAY2);

        assertThat(ledger.spendByPurpose(owner, FROM, TO))
                .extracting(CostLedger.PurposeSpend::purpose, CostLedger.PurposeSpend::calls,
                        spend -> spend.costUsd().stripTrailingZeros(), CostLedger.PurposeSpend::inputTokens,
                        CostLedger.PurposeSpend::cacheWriteTokens, CostLedger.PurposeSpend::cacheReadTokens,
                        CostLedger.PurposeSpend::outputTokens)
                .containsExactly(
                        tuple("prep_interview", 1L, new BigDecimal("0.3"), 1000L, 200L, 100L, 50L),
                        tuple("jd_parse", 2L, new BigDecimal("0.037"), 2000L, 400L, 200L, 100L),
                        tuple("bullets", 2L, new BigDecimal("0.028"), 2000L, 400L, 200L, 100L),
                        tuple("skills", 1L, new BigDecimal("0.005"), 1000L, 200L, 100L, 50L));

        assertThat(ledger.spendByDay(owner, FROM, TO, ZoneOffset.UTC))
                .extracting(CostLedger.DaySpend::day, CostLedger.DaySpend::calls, day -> day.costUsd().stripTrailingZeros())
                .containsExactly(
                        tuple(LocalDate.parse("2026-03-02"), 3L, new BigDecimal("0.045")),
                        tuple(LocalDate.parse("2026-03-03"), 3L, new BigDecimal("0.325")));
        // 23:30 UTC on the 3rd is already the 4th in Berlin
        assertThat(ledger.spendByDay(owner, FROM, TO, ZoneId.of("Europe/Berlin")))
                .extracting(CostLedger.DaySpend::day)
                .containsExactly(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-04"));

        assertThat(ledger.spendByJob(owner, FROM, TO))
                .extracting(CostLedger.JobSpend::jobId, CostLedger.JobSpend::calls, job -> job.costUsd().stripTrailingZeros())
                .containsExactly(tuple(jobB, 2L, new BigDecimal("0.32")), tuple(jobA, 3L, new BigDecimal("0.045")));

        assertThat(ledger.spendByApplication(owner, FROM, TO))
                .extracting(CostLedger.ApplicationSpend::applicationId, CostLedger.ApplicationSpend::calls,
                        spend -> spend.costUsd().stripTrailingZeros())
                .containsExactly(tuple(application, 2L, new BigDecimal("0.32")));

        CostLedger.AverageSpend average = ledger.averagePerJob(owner, FROM, TO);
        assertThat(average.jobs()).isEqualTo(2);
        assertThat(average.totalUsd()).isEqualByComparingTo("0.365");
        assertThat(average.averageUsd()).isEqualByComparingTo("0.1825");

        assertThat(ledger.totalSpend(owner, FROM, TO)).isEqualByComparingTo("0.370");
        CostLedger.AverageSpend none = ledger.averagePerJob(UUID.randomUUID(), FROM, TO);
        assertThat(none.jobs()).isZero();
        assertThat(none.averageUsd()).isEqualByComparingTo("0");
    }

    @Test
    void offlineWork_isRecordedAtCostZero_andCallsAreRefused() {
        UUID owner = UUID.randomUUID();
        UUID job = UUID.randomUUID();
        LlmClient offline = client(settings(LlmProperties.Provider.OFFLINE, null, null, null,
                java.time.Duration.ofSeconds(1), 0, usd("5.00"), null));

        assertThat(offline.isOffline()).isTrue();
        assertThat(offline.provider()).isEqualTo("offline");
        LlmCall call = LlmCall.builder(owner, "bullets").userMessage("Write bullets.").build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> offline.structured(call, JobPosting.class))
                .isInstanceOfSatisfying(LlmFailure.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(LlmFailure.Reason.OFFLINE);
                    assertThat(failure.getMessage()).contains("isOffline()");
                });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> offline.streamText(call))
                .isInstanceOf(LlmFailure.class);

        offline.recordOffline(owner, "bullets", job, null, java.time.Duration.ofMillis(12));

        assertThat(rows(owner)).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("provider", "offline").containsEntry("model", "offline")
                    .containsEntry("purpose", "bullets").containsEntry("job_id", job)
                    .containsEntry("outcome", "ok").containsEntry("latency_ms", 12L);
            assertThat((BigDecimal) row.get("cost_usd")).isEqualByComparingTo("0");
        });
        assertThat(ledger.spendByJob(owner, Instant.now().minusSeconds(3600), Instant.now().plusSeconds(3600)))
                .extracting(CostLedger.JobSpend::calls).containsExactly(1L);
    }
}
