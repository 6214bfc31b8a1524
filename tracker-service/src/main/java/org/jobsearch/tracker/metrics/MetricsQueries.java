package org.jobsearch.tracker.metrics;

import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.support.AbstractSqlTypeValue;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The dashboard's counting, two ways with the same answer:
 * <ul>
 * <li>{@link #fromRollup}: without dimension filters (any dates, any zone), sums the counts that migration V7's
 * triggers keep in {@code application_metrics_rollup} in the same transaction as every write: per UTC month and value
 * of each attribute; and those of V8 in {@code application_metrics_daily}: per UTC day, 24 hourly counts of
 * applications, callbacks and first responses, which this class assigns to days of the filter's zone. Months cut by
 * the date range are counted from {@code application_metrics}' rows of those parts; the median time to first response
 * (not additive) reads the middle of the range's responded rows from an index. A few thousand rollup rows and a row
 * per day instead of every application hashed by a dozen attributes.</li>
 * <li>{@link #fromReadModel}: ONE statement over the owner's rows of {@code application_metrics} (the read model of
 * migration V6), read once: for dimension filters, which the rollup does not key by (with every filterable dimension
 * and the date in its key, it would have about as many rows as the applications: docs/benchmarks.md), and for a zone
 * whose midnights do not fall on UTC hours (India, Nepal, ...), which the hourly timeline cannot split.</li>
 * </ul>
 * PostgreSQL counts; the service only names, merges location groups and divides.
 * <p>
 * Why the read model's statement has two levels: PostgreSQL's hash aggregation costs per row and per grouping column
 * about half of the whole baseline scan (measured, docs/benchmarks.md), so the rows are hashed once by four sets of
 * three dimensions each (few combinations: every dimension has a handful of values; statuses are counted, not grouped
 * by), and each dimension is summed from that small first-level result.
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

    /**
     * Without dimension filters, from the rollup (V7): the month rows wholly inside the range plus the read model's
     * rows of the cut months ({@code :edge1From}..{@code :edge2To}, empty ranges when none), each attribute a row
     * ({@code minSalary}/{@code maxSalary} in dollars, bucketed by the caller).
     */
    private static final String ROLLUP_COUNTS = """
            with counted as (
                select kind, value, extra, n, callbacks, rejected, closed, no_response
                from application_metrics_rollup
                where owner_id = :owner and bucket >= :monthsFrom and bucket < :monthsTo
                union all
                select k.kind, k.value, k.extra, 1, (m.status = 'callback')::int, (m.status = 'rejected')::int,
                       (m.status = 'closed')::int, (m.status = 'no_response')::int
                from application_metrics m
                cross join lateral (values
                    ('role', m.role, null::text), ('specialization', m.specialization, null),
                    ('level', m.level, null), ('location', m.location, null), ('workSetting', m.work_setting, null),
                    ('source', m.source, null), ('minYears', m.min_experience_years::text, null),
                    ('minSalary', m.min_salary::text, null), ('maxSalary', m.max_salary::text, null),
                    ('process', m.furthest_stage, m.outcome)) k(kind, value, extra)
                where m.owner_id = :owner
                  and (m.applied_at >= :edge1From and m.applied_at < :edge1To
                       or m.applied_at >= :edge2From and m.applied_at < :edge2To)
            )
            select kind, value, extra, sum(n)::bigint as total, sum(callbacks)::bigint as callbacks,
                   sum(rejected)::bigint as rejected, sum(closed)::bigint as closed,
                   sum(no_response)::bigint as no_response
            from counted group by kind, value, extra having sum(n) > 0
            """;

    /** The UTC days (V8) whose hours can hold applications of the range: 24 hourly counts each. */
    private static final String ROLLUP_DAYS = """
            select day, applied, callbacks, responded from application_metrics_daily
            where owner_id = :owner and day >= :firstDay and day <= :lastDay
            """;

    /**
     * The median time to first response over the responded rows of the range, as {@code percentile_cont(0.5)}
     * computes it, but read in order from an index (V7) instead of sorted: the middle one or two after skipping the
     * lower half ({@code :skip}, {@code :take}: from the count of responded rows).
     */
    private static final String MEDIAN_RESPONSE = """
            select min(seconds) + (max(seconds) - min(seconds)) * 0.5 from (
                select extract(epoch from responded_at - applied_at)::float8 as seconds
                from application_metrics
                where owner_id = :owner and responded_at is not null and applied_at >= :from and applied_at < :to
                order by extract(epoch from responded_at - applied_at)::float8
                offset :skip limit :take) middle
            """;

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
     * Everything the dashboard counts: from the rollup when the filter has no dimension (only dates) and the zone's
     * days are made of whole UTC hours over the range, else from the read model.
     *
     * @param rawLocations null for no location filter, else the raw locations whose group the filter names
     * @param locationNone whether the filter names "Not specified" (no location)
     */
    Aggregates aggregate(UUID owner, MetricsFilter filter, List<String> rawLocations, boolean locationNone,
                         int minBase, int maxBase, int step) {
        boolean dimensionFiltered = rawLocations != null || locationNone || !filter.roles().isEmpty()
                || !filter.specializations().isEmpty() || !filter.levels().isEmpty()
                || !filter.workSettings().isEmpty() || !filter.sources().isEmpty() || !filter.locations().isEmpty();
        if (!dimensionFiltered) {
            Aggregates rolledUp = fromRollup(owner, filter, minBase, maxBase, step);
            if (rolledUp != null) {
                return rolledUp;
            }
        }
        return fromReadModel(owner, filter, rawLocations, locationNone, minBase, maxBase, step);
    }

    /**
     * From the rollups of migrations V7 and V8 (the filter's dimension lists are ignored: only for a filter without
     * them).
     *
     * @return null if an hour with applications in the range is not within one day of the filter's zone (a zone whose
     * offset is not whole hours): then only the read model can count its days
     */
    Aggregates fromRollup(UUID owner, MetricsFilter filter, int minBase, int maxBase, int step) {
        OffsetDateTime from = from(filter);
        OffsetDateTime to = to(filter);
        OffsetDateTime monthsFrom = monthStart(from).isEqual(from) ? from : monthStart(from).plusMonths(1);
        OffsetDateTime monthsTo = monthStart(to);
        OffsetDateTime edge1From;
        OffsetDateTime edge1To;
        OffsetDateTime edge2From;
        OffsetDateTime edge2To;
        if (monthsFrom.isBefore(monthsTo)) {
            edge1From = from;
            edge1To = monthsFrom;
            edge2From = monthsTo;
            edge2To = to;
        } else { // no whole month in the range: all of it from the read model
            monthsTo = monthsFrom;
            edge1From = from;
            edge1To = to;
            edge2From = to;
            edge2To = to;
        }
        Map<LocalDate, long[]> days = new HashMap<>();
        long responded = 0;
        // the hour buckets of the range: [from, to) when both fall on UTC hours, else also the hour cut by an edge,
        // which then lies across a local midnight and sends the request to the read model
        Instant firstHour = from.toInstant().minus(1, ChronoUnit.HOURS);
        Instant end = to.toInstant();
        ZoneRules rules = filter.zone().getRules();
        List<DayRow> dayRows = jdbc.sql(ROLLUP_DAYS)
                .param("owner", owner)
                .param("firstDay", LocalDate.ofInstant(firstHour, ZoneOffset.UTC))
                .param("lastDay", LocalDate.ofInstant(end.minusNanos(1), ZoneOffset.UTC))
                .query((rs, row) -> new DayRow(rs.getObject("day", LocalDate.class), ints(rs.getArray("applied")),
                        ints(rs.getArray("callbacks")), ints(rs.getArray("responded"))))
                .list();
        for (DayRow day : dayRows) {
            Instant midnight = day.day().atStartOfDay(ZoneOffset.UTC).toInstant();
            for (int hour = 0; hour < 24; hour++) {
                Instant start = midnight.plus(hour, ChronoUnit.HOURS);
                if (day.applied()[hour] == 0 || !start.isAfter(firstHour) || !start.isBefore(end)) {
                    continue;
                }
                LocalDateTime localStart = LocalDateTime.ofInstant(start, rules.getOffset(start));
                Instant last = start.plus(1, ChronoUnit.HOURS).minusNanos(1);
                LocalDateTime localLast = LocalDateTime.ofInstant(last, rules.getOffset(last));
                if (!localStart.toLocalDate().equals(localLast.toLocalDate())
                        || !rules.getOffset(start).equals(rules.getOffset(last))) {
                    return null; // the hour is not within one local day: only the read model can split it
                }
                long[] counts = days.computeIfAbsent(localStart.toLocalDate(), d -> new long[5]);
                counts[0] += day.applied()[hour];
                counts[1] += day.callbacks()[hour];
                responded += day.responded()[hour];
            }
        }

        Map<String, Map<String, long[]>> dimensions = new HashMap<>();
        Map<List<String>, long[]> process = new HashMap<>();
        jdbc.sql(ROLLUP_COUNTS)
                .param("owner", owner)
                .param("monthsFrom", monthsFrom)
                .param("monthsTo", monthsTo)
                .param("edge1From", edge1From)
                .param("edge1To", edge1To)
                .param("edge2From", edge2From)
                .param("edge2To", edge2To)
                .query(rs -> {
                    String kind = rs.getString("kind");
                    String value = rs.getString("value");
                    long[] counts = {rs.getLong("total"), rs.getLong("callbacks"), rs.getLong("rejected"),
                            rs.getLong("closed"), rs.getLong("no_response")};
                    if (kind.equals("process")) {
                        add(process.computeIfAbsent(Arrays.asList(value, rs.getString("extra")), k -> new long[5]),
                                counts);
                        return;
                    }
                    if (value != null && (kind.equals("minSalary") || kind.equals("maxSalary"))) {
                        value = String.valueOf(SalaryBuckets.index(Integer.valueOf(value),
                                kind.equals("minSalary") ? minBase : maxBase, step));
                    }
                    add(dimensions.computeIfAbsent(kind, k -> new HashMap<>()).computeIfAbsent(value, v -> new long[5]),
                            counts);
                });

        Double median = null;
        if (responded > 0) {
            // For this transaction only: after five executions the driver's server-side prepared statement may get a
            // generic plan, which cannot see the range is open and reads the responded rows through the applied-date
            // index and sorts them (measured: 240 ms against 25 ms for the ordered index walk, 100k applications).
            jdbc.sql("select set_config('plan_cache_mode', 'force_custom_plan', true)").query((rs, row) -> row).list();
            median = jdbc.sql(MEDIAN_RESPONSE)
                    .param("owner", owner)
                    .param("from", from)
                    .param("to", to)
                    .param("skip", (responded - 1) / 2)
                    .param("take", 2 - responded % 2)
                    .query(Double.class).single();
        }

        Map<String, List<Counts>> dimensionCounts = new HashMap<>();
        dimensions.forEach((kind, values) -> values.forEach((value, c) ->
                dimensionCounts.computeIfAbsent(kind, k -> new ArrayList<>()).add(counts(value, c))));
        List<Process> processes = new ArrayList<>();
        process.forEach((key, c) -> processes.add(new Process(key.get(0), key.get(1), counts(key.get(0), c))));
        Map<LocalDate, Counts> dayCounts = new HashMap<>();
        days.forEach((day, c) -> dayCounts.put(day, counts(day.toString(), c)));
        return new Aggregates(dimensionCounts, dayCounts, processes, responded, median);
    }

    /** A row of {@code application_metrics_daily}: per UTC hour of {@code day}. */
    private record DayRow(LocalDate day, int[] applied, int[] callbacks, int[] responded) {
    }

    private static int[] ints(java.sql.Array array) throws java.sql.SQLException {
        Integer[] values = (Integer[]) array.getArray();
        int[] ints = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            ints[i] = values[i];
        }
        return ints;
    }

    private static void add(long[] sums, long[] counts) {
        for (int i = 0; i < sums.length; i++) {
            sums[i] += counts[i];
        }
    }

    private static Counts counts(String value, long[] c) {
        return new Counts(value, c[0], c[1], c[2], c[3], c[4]);
    }

    private static OffsetDateTime monthStart(OffsetDateTime instant) {
        OffsetDateTime utc = instant.withOffsetSameInstant(ZoneOffset.UTC);
        return OffsetDateTime.of(utc.getYear(), utc.getMonthValue(), 1, 0, 0, 0, 0, ZoneOffset.UTC);
    }

    private static OffsetDateTime from(MetricsFilter filter) {
        return filter.from() == null ? EARLIEST : filter.from().atStartOfDay(filter.zone()).toOffsetDateTime();
    }

    private static OffsetDateTime to(MetricsFilter filter) {
        return filter.to() == null ? LATEST : filter.to().plusDays(1).atStartOfDay(filter.zone()).toOffsetDateTime();
    }

    /** From the read model of migration V6, whatever the filter (see {@link #aggregate}). */
    Aggregates fromReadModel(UUID owner, MetricsFilter filter, List<String> rawLocations, boolean locationNone,
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
                .param("from", from(filter))
                .param("to", to(filter))
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
