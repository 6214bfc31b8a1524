package org.jobsearch.llm.api;

import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The cost page's aggregations over {@code llm_call}, in SQL. Every query is bound to the owner: the
 * caller's id comes from the identity token, never from the request.
 */
class CostReportQuery {

    private static final String SUMS = """
            count(*) as calls, coalesce(sum(input_tokens), 0) as input_tokens,
            coalesce(sum(cache_write_tokens), 0) as cache_write_tokens,
            coalesce(sum(cache_read_tokens), 0) as cache_read_tokens,
            coalesce(sum(output_tokens), 0) as output_tokens, coalesce(sum(cost_usd), 0) as cost_usd
            """;

    private final JdbcTemplate jdbc;

    CostReportQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The report for the days {@code from..to} (inclusive) of {@code zone}. */
    CostReport report(UUID ownerId, LocalDate from, LocalDate to, ZoneId zone) {
        Timestamp start = Timestamp.from(from.atStartOfDay(zone).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());

        CostReport.Usage total = jdbc.queryForObject("select " + SUMS + """
                         from llm_call where owner_id = ? and created_at >= ? and created_at < ?""",
                (rs, row) -> usage(rs), ownerId, start, end);

        List<CostReport.PurposeUsage> byPurpose = jdbc.query("select purpose, " + SUMS + """
                         from llm_call where owner_id = ? and created_at >= ? and created_at < ?
                         group by purpose order by sum(cost_usd) desc, count(*) desc, purpose""",
                (rs, row) -> new CostReport.PurposeUsage(rs.getString("purpose"), usage(rs)), ownerId, start, end);

        Map<LocalDate, CostReport.Usage> spentDays = new LinkedHashMap<>();
        jdbc.query("select (created_at at time zone ?)::date as day, " + SUMS + """
                         from llm_call where owner_id = ? and created_at >= ? and created_at < ?
                         group by 1""",
                rs -> {
                    spentDays.put(rs.getObject("day", LocalDate.class), usage(rs));
                }, zone.getId(), ownerId, start, end);
        // every day of the period, so a chart shows the quiet days as zero rather than skipping them
        List<CostReport.DayUsage> byDay = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            byDay.add(new CostReport.DayUsage(day, spentDays.getOrDefault(day, CostReport.Usage.NONE)));
        }

        List<CostReport.JobUsage> byJob = jdbc.query("select job_id, " + SUMS + """
                         from llm_call where owner_id = ? and job_id is not null and created_at >= ? and created_at < ?
                         group by job_id order by sum(cost_usd) desc, count(*) desc, job_id""",
                (rs, row) -> new CostReport.JobUsage(rs.getObject("job_id", UUID.class), usage(rs)), ownerId, start, end);

        List<CostReport.ApplicationUsage> byApplication = jdbc.query("select application_id, " + SUMS + """
                         from llm_call where owner_id = ? and application_id is not null
                           and created_at >= ? and created_at < ?
                         group by application_id order by sum(cost_usd) desc, count(*) desc, application_id""",
                (rs, row) -> new CostReport.ApplicationUsage(rs.getObject("application_id", UUID.class), usage(rs)),
                ownerId, start, end);

        return new CostReport(from, to, zone.getId(), "USD", total, byPurpose, byDay, byJob, byApplication,
                average(byJob.size(), byJob.stream().map(job -> job.usage().costUsd()).toList()),
                average(byApplication.size(), byApplication.stream().map(a -> a.usage().costUsd()).toList()));
    }

    private static CostReport.Average average(int count, List<BigDecimal> costs) {
        BigDecimal total = costs.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal average = count == 0 ? BigDecimal.ZERO
                : total.divide(BigDecimal.valueOf(count), 8, RoundingMode.HALF_UP);
        return new CostReport.Average(count, total, average);
    }

    private static CostReport.Usage usage(ResultSet rs) throws SQLException {
        return new CostReport.Usage(rs.getLong("calls"), rs.getLong("input_tokens"), rs.getLong("cache_write_tokens"),
                rs.getLong("cache_read_tokens"), rs.getLong("output_tokens"), rs.getBigDecimal("cost_usd"));
    }
}
