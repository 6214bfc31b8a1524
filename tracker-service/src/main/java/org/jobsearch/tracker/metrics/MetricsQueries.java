package org.jobsearch.tracker.metrics;

import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.support.AbstractSqlTypeValue;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The dashboard's counting: ONE statement over the owner's rows of {@code application_metrics} (the read model of
 * migration V6, kept by triggers: the job's dimensions, first response and furthest interview stage on each
 * application's row), read once. PostgreSQL counts; the service only names, merges location groups and divides.
 * <p>
 * Why two levels: PostgreSQL's hash aggregation costs per row and per grouping column about half of the whole
 * baseline scan (measured, docs/benchmarks.md), so the rows are hashed once by four sets of three dimensions each
 * (few combinations: every dimension has a handful of values; statuses are counted, not grouped by), and each
 * dimension is summed from that small first-level result.
 */
@Repository
class MetricsQueries {

    /** The filtered applications; {@code :locationFilter} is set when {@code :rawLocations} restricts them. */
    private static final String FILTERED = """
            with f as not materialized (
                select m.status, m.outcome, m.furthest_stage, m.role, m.specialization, m.level, m.work_setting,
                       m.source, m.min_experience_years, m.location, m.min_salary, m.max_salary, m.applied_at,
                       m.responded_at
                from application_metrics m
                where m.owner_id = :owner and m.applied_at >= :from and m.applied_at < :to
                  and (cardinality(:roles::text[]) = 0 or m.role = any(:roles::text[]))
                  and (cardinality(:specializations::text[]) = 0 or m.specialization = any(:specializations::text[]))
                  and (cardinality(:levels::text[]) = 0 or m.level = any(:levels::text[]))
                  and (cardinality(:workSettings::text[]) = 0 or m.work_setting = any(:workSettings::text[]))
                  and (cardinality(:sources::text[]) = 0 or m.source = any(:sources::text[]))
                  and (not :locationFilter or m.location = any(:rawLocations::text[])
                       or (:locationNone and coalesce(btrim(m.location), '') = ''))
            ),
            """;

    /** Applications per status, the columns every counted row carries, summed from the first level. */
    private static final String COUNTS = """
            sum(n)::bigint as total, sum(callbacks)::bigint as callbacks, sum(rejected)::bigint as rejected,
            sum(closed)::bigint as closed, sum(no_response)::bigint as no_response, null::float8 as median""";

    private static final String DASHBOARD = FILTERED + """
            l1 as materialized (
                select grouping(role, level, work_setting) = 0 as s1,
                       grouping(specialization, source, min_experience_years) = 0 as s2,
                       grouping(location, min_bucket, max_bucket) = 0 as s3,
                       grouping(day, outcome, furthest_stage) = 0 as s4,
                       role, level, work_setting, specialization, source, min_experience_years, location,
                       min_bucket, max_bucket, day, outcome, furthest_stage, count(*) as n,
                       count(*) filter (where status = 'callback') as callbacks,
                       count(*) filter (where status = 'rejected') as rejected,
                       count(*) filter (where status = 'closed') as closed,
                       count(*) filter (where status = 'no_response') as no_response
                from (select f.*,
                             case when f.min_salary is null then null when f.min_salary < :minBase then -1
                                  else least(3, (f.min_salary - :minBase) / :step) end as min_bucket,
                             case when f.max_salary is null then null when f.max_salary < :maxBase then -1
                                  else least(3, (f.max_salary - :maxBase) / :step) end as max_bucket,
                             (f.applied_at at time zone :zone)::date as day
                      from f) x
                group by grouping sets ((role, level, work_setting), (specialization, source, min_experience_years),
                                        (location, min_bucket, max_bucket), (day, outcome, furthest_stage))
            )
            select 'role' as kind, role as value, null as extra, %1$s from l1 where s1 group by role
            union all
            select 'level', level, null, %1$s from l1 where s1 group by level
            union all
            select 'workSetting', work_setting, null, %1$s from l1 where s1 group by work_setting
            union all
            select 'specialization', specialization, null, %1$s from l1 where s2 group by specialization
            union all
            select 'source', source, null, %1$s from l1 where s2 group by source
            union all
            select 'minYears', min_experience_years::text, null, %1$s from l1 where s2 group by min_experience_years
            union all
            select 'location', location, null, %1$s from l1 where s3 group by location
            union all
            select 'minSalary', min_bucket::text, null, %1$s from l1 where s3 group by min_bucket
            union all
            select 'maxSalary', max_bucket::text, null, %1$s from l1 where s3 group by max_bucket
            union all
            select 'day', day::text, null, %1$s from l1 where s4 group by day
            union all
            select 'process', furthest_stage, outcome, %1$s from l1 where s4 group by furthest_stage, outcome
            union all
            select 'response', null, null, count(*), null, null, null, null,
                   percentile_cont(0.5) within group (order by extract(epoch from f.responded_at - f.applied_at))
            from f where f.responded_at is not null
            """.formatted(COUNTS);

    private static final String WORK_MEM = "32MB";

    private static final OffsetDateTime EARLIEST = OffsetDateTime.of(1900, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime LATEST = OffsetDateTime.of(9000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final JdbcClient jdbc;

    MetricsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Applications per status among those with one value of a dimension (or one stage and outcome, or one day). */
    record Counts(String value, long total, long callbacks, long rejected, long closed, long noResponse) {
    }

    /**
     * Applications with their furthest interview stage {@code stage} (null: no interview that was not cancelled) and
     * outcome {@code outcome} (null: none yet).
     */
    record Process(String stage, String outcome, Counts counts) {
    }

    /**
     * Everything the dashboard counts.
     *
     * @param dimensions    by {@link Dimension#key()}: raw values (locations ungrouped, salaries as bucket indexes)
     * @param days          applied date in the filter's zone → applications of that day; days without are absent
     * @param responded     applications with a first response
     * @param medianSeconds median of applied → first response, null if none responded
     */
    record Aggregates(Map<String, List<Counts>> dimensions, Map<LocalDate, Counts> days, List<Process> process,
                      long responded, Double medianSeconds) {
    }

    /** The distinct raw locations of the owner's applications; only needed to filter by location group. */
    List<String> locations(UUID owner) {
        return jdbc.sql("select distinct location from application_metrics where owner_id = :owner")
                .param("owner", owner).query(String.class).list();
    }

    /**
     * @param rawLocations null for no location filter, else the raw locations whose group the filter names
     * @param locationNone whether the filter names "Not specified" (no location)
     */
    Aggregates aggregate(UUID owner, MetricsFilter filter, List<String> rawLocations, boolean locationNone,
                         int minBase, int maxBase, int step) {
        Map<String, List<Counts>> dimensions = new HashMap<>();
        Map<LocalDate, Counts> days = new HashMap<>();
        List<Process> process = new ArrayList<>();
        long[] responded = {0};
        Double[] median = {null};
        // For this transaction only: (1) the planner estimates the first level's groups as the product of each
        // column's distinct values (10^5 and more) and, with the default 4 MB, sorts the rows twice instead of hashing
        // them (2.3x slower, measured) while the real groups are a few thousand (about 3.5 MB at 100k applications);
        // (2) after five executions the driver's server-side prepared statement gets a generic plan, which cannot
        // see that the filters are empty nor how many rows the owner has, and walks the index over all of them
        // instead of scanning the table (measured 2x slower). Planning afresh costs about a millisecond.
        jdbc.sql("""
                        select set_config('work_mem', :workMem, true),
                               set_config('plan_cache_mode', 'force_custom_plan', true)""")
                .param("workMem", WORK_MEM).query((rs, row) -> row).list();
        jdbc.sql(DASHBOARD)
                .param("owner", owner)
                .param("zone", filter.zone().getId())
                .param("from", filter.from() == null ? EARLIEST
                        : filter.from().atStartOfDay(filter.zone()).toOffsetDateTime())
                .param("to", filter.to() == null ? LATEST
                        : filter.to().plusDays(1).atStartOfDay(filter.zone()).toOffsetDateTime())
                .param("roles", textArray(filter.roles()))
                .param("specializations", textArray(filter.specializations()))
                .param("levels", textArray(filter.levels()))
                .param("workSettings", textArray(filter.workSettings()))
                .param("sources", textArray(filter.sources()))
                .param("locationFilter", rawLocations != null)
                .param("rawLocations", textArray(rawLocations == null ? List.of() : rawLocations))
                .param("locationNone", locationNone)
                .param("minBase", minBase)
                .param("maxBase", maxBase)
                .param("step", step)
                .query(rs -> {
                    String kind = rs.getString("kind");
                    Counts counts = new Counts(rs.getString("value"), rs.getLong("total"), rs.getLong("callbacks"),
                            rs.getLong("rejected"), rs.getLong("closed"), rs.getLong("no_response"));
                    switch (kind) {
                        case "day" -> days.put(LocalDate.parse(counts.value()), counts);
                        case "process" -> process.add(new Process(counts.value(), rs.getString("extra"), counts));
                        case "response" -> {
                            responded[0] = counts.total();
                            median[0] = rs.getObject("median", Double.class);
                        }
                        default -> dimensions.computeIfAbsent(kind, k -> new ArrayList<>()).add(counts);
                    }
                });
        return new Aggregates(dimensions, days, process, responded[0], median[0]);
    }

    /** A text[] parameter (a Java list would be expanded into a comma-separated IN list). */
    private static SqlTypeValue textArray(List<String> values) {
        return new AbstractSqlTypeValue() {
            @Override
            protected Object createTypeValue(java.sql.Connection connection, int sqlType, String typeName)
                    throws java.sql.SQLException {
                return connection.createArrayOf("text", values.toArray());
            }
        };
    }
}
