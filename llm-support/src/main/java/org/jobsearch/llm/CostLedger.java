package org.jobsearch.llm;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The {@code llm_call} table of the using service: one row per call (a repair attempt is its own
 * row), written in a transaction of its own so a caller's rollback never loses what was spent; and
 * the owner-scoped aggregations behind the cost page.
 */
public class CostLedger {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    CostLedger(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        if (transactionManager != null) {
            this.ownTransaction = new TransactionTemplate(transactionManager);
            this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        } else {
            this.ownTransaction = null;
        }
    }

    /** One ledger row. */
    record Entry(UUID ownerId, UUID jobId, UUID applicationId, String purpose, String provider, String model,
                 long estimatedInputTokens, LlmUsage usage, BigDecimal costUsd, long latencyMs, int attempts,
                 LlmOutcome outcome, String error) {
    }

    void record(Entry entry) {
        Runnable insert = () -> jdbc.update("""
                        insert into llm_call (id, owner_id, job_id, application_id, purpose, provider, model,
                            estimated_input_tokens, input_tokens, cache_write_tokens, cache_read_tokens, output_tokens,
                            cost_usd, latency_ms, attempts, outcome, error)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                UUID.randomUUID(), entry.ownerId(), entry.jobId(), entry.applicationId(), entry.purpose(),
                entry.provider(), entry.model(), entry.estimatedInputTokens(), entry.usage().inputTokens(),
                entry.usage().cacheWriteTokens(), entry.usage().cacheReadTokens(), entry.usage().outputTokens(),
                entry.costUsd(), entry.latencyMs(), entry.attempts(), entry.outcome().dbValue(),
                truncate(entry.error()));
        if (ownTransaction != null) {
            ownTransaction.executeWithoutResult(status -> insert.run());
        } else {
            insert.run();
        }
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 2000 ? error : error.substring(0, 2000) + "…";
    }

    /** What {@code ownerId} has spent in the current calendar month (UTC). */
    public BigDecimal spentThisMonth(UUID ownerId) {
        Instant monthStart = ZonedDateTime.now(ZoneOffset.UTC).withDayOfMonth(1).toLocalDate()
                .atStartOfDay(ZoneOffset.UTC).toInstant();
        return totalSpend(ownerId, monthStart, Instant.now().plusSeconds(60));
    }

    /** What {@code ownerId} spent in {@code [from, to)}. */
    public BigDecimal totalSpend(UUID ownerId, Instant from, Instant to) {
        BigDecimal total = jdbc.queryForObject(
                "select coalesce(sum(cost_usd), 0) from llm_call where owner_id = ? and created_at >= ? and created_at < ?",
                BigDecimal.class, ownerId, ts(from), ts(to));
        return Objects.requireNonNullElse(total, BigDecimal.ZERO);
    }

    /** Spend of one call type, e.g. {@code bullets}. */
    public record PurposeSpend(String purpose, long calls, long inputTokens, long cacheWriteTokens,
                               long cacheReadTokens, long outputTokens, BigDecimal costUsd) {
    }

    /** Spend of one day (in the zone the query was made for). */
    public record DaySpend(LocalDate day, long calls, BigDecimal costUsd) {
    }

    /** Spend on one job (every purpose: parse, bullets, skills, prep). */
    public record JobSpend(UUID jobId, long calls, BigDecimal costUsd) {
    }

    /** Spend on one application. */
    public record ApplicationSpend(UUID applicationId, long calls, BigDecimal costUsd) {
    }

    /** The average over jobs that had at least one call. */
    public record AverageSpend(long jobs, BigDecimal totalUsd, BigDecimal averageUsd) {
    }

    /** Spend per purpose in {@code [from, to)}, most expensive first. */
    public List<PurposeSpend> spendByPurpose(UUID ownerId, Instant from, Instant to) {
        return jdbc.query("""
                        select purpose, count(*) as calls, sum(input_tokens) as input_tokens,
                               sum(cache_write_tokens) as cache_write_tokens, sum(cache_read_tokens) as cache_read_tokens,
                               sum(output_tokens) as output_tokens, sum(cost_usd) as cost_usd
                        from llm_call
                        where owner_id = ? and created_at >= ? and created_at < ?
                        group by purpose
                        order by sum(cost_usd) desc, purpose""",
                (rs, row) -> new PurposeSpend(rs.getString("purpose"), rs.getLong("calls"), rs.getLong("input_tokens"),
                        rs.getLong("cache_write_tokens"), rs.getLong("cache_read_tokens"), rs.getLong("output_tokens"),
                        rs.getBigDecimal("cost_usd")),
                ownerId, ts(from), ts(to));
    }

    /** Spend per calendar day of {@code zone} in {@code [from, to)}, oldest first; days without calls are left out. */
    public List<DaySpend> spendByDay(UUID ownerId, Instant from, Instant to, ZoneId zone) {
        return jdbc.query("""
                        select (created_at at time zone ?)::date as day, count(*) as calls, sum(cost_usd) as cost_usd
                        from llm_call
                        where owner_id = ? and created_at >= ? and created_at < ?
                        group by 1
                        order by 1""",
                (rs, row) -> new DaySpend(rs.getObject("day", LocalDate.class), rs.getLong("calls"),
                        rs.getBigDecimal("cost_usd")),
                zone.getId(), ownerId, ts(from), ts(to));
    }

    /** Spend per job in {@code [from, to)}, most expensive first; calls without a job are left out. */
    public List<JobSpend> spendByJob(UUID ownerId, Instant from, Instant to) {
        return jdbc.query("""
                        select job_id, count(*) as calls, sum(cost_usd) as cost_usd
                        from llm_call
                        where owner_id = ? and job_id is not null and created_at >= ? and created_at < ?
                        group by job_id
                        order by sum(cost_usd) desc, job_id""",
                (rs, row) -> new JobSpend(rs.getObject("job_id", UUID.class), rs.getLong("calls"),
                        rs.getBigDecimal("cost_usd")),
                ownerId, ts(from), ts(to));
    }

    /** Spend per application in {@code [from, to)}, most expensive first; calls without one are left out. */
    public List<ApplicationSpend> spendByApplication(UUID ownerId, Instant from, Instant to) {
        return jdbc.query("""
                        select application_id, count(*) as calls, sum(cost_usd) as cost_usd
                        from llm_call
                        where owner_id = ? and application_id is not null and created_at >= ? and created_at < ?
                        group by application_id
                        order by sum(cost_usd) desc, application_id""",
                (rs, row) -> new ApplicationSpend(rs.getObject("application_id", UUID.class), rs.getLong("calls"),
                        rs.getBigDecimal("cost_usd")),
                ownerId, ts(from), ts(to));
    }

    /** Average spend per job in {@code [from, to)}, over the jobs with at least one call. */
    public AverageSpend averagePerJob(UUID ownerId, Instant from, Instant to) {
        return jdbc.queryForObject("""
                        select count(distinct job_id) as jobs, coalesce(sum(cost_usd), 0) as total
                        from llm_call
                        where owner_id = ? and job_id is not null and created_at >= ? and created_at < ?""",
                (rs, row) -> {
                    long jobs = rs.getLong("jobs");
                    BigDecimal total = rs.getBigDecimal("total");
                    BigDecimal average = jobs == 0 ? BigDecimal.ZERO
                            : total.divide(BigDecimal.valueOf(jobs), 8, RoundingMode.HALF_UP);
                    return new AverageSpend(jobs, total, average);
                },
                ownerId, ts(from), ts(to));
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
