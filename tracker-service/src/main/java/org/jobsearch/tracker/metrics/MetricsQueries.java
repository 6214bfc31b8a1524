package org.jobsearch.tracker.metrics;

import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.support.AbstractSqlTypeValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The dashboard's aggregations, each one SQL statement over the owner's applications (index
 * {@code application_owner_applied}) joined to their jobs: PostgreSQL counts, the service only names and orders what
 * comes back. Every statement starts from the same filtered set ({@link #FILTERED}).
 */
@Repository
class MetricsQueries {

    /** The filtered applications with what the dimensions need; {@code loc} maps raw locations to their group. */
    private static final String FILTERED = """
            with loc(raw, grp) as (select * from unnest(:locRaw::text[], :locGroup::text[])),
            f as (
                select a.id, a.status, a.applied_at, a.outcome,
                       nullif(btrim(j.role), '') as role, nullif(btrim(j.specialization), '') as specialization,
                       nullif(btrim(j.level), '') as level, j.work_setting, nullif(btrim(j.source), '') as source,
                       j.min_experience_years, j.min_salary, j.max_salary,
                       case when j.location is null then 'Not specified' else coalesce(loc.grp, j.location) end
                           as location_group
                from application a
                join job j on j.id = a.job_id and j.owner_id = a.owner_id
                left join loc on loc.raw = j.location
                where a.owner_id = :owner and a.applied_at >= :from and a.applied_at < :to
                  and (cardinality(:roles::text[]) = 0 or j.role = any(:roles::text[]))
                  and (cardinality(:specializations::text[]) = 0 or j.specialization = any(:specializations::text[]))
                  and (cardinality(:levels::text[]) = 0 or j.level = any(:levels::text[]))
                  and (cardinality(:workSettings::text[]) = 0 or j.work_setting = any(:workSettings::text[]))
                  and (cardinality(:sources::text[]) = 0 or j.source = any(:sources::text[]))
                  and (cardinality(:locations::text[]) = 0
                       or (case when j.location is null then 'Not specified' else coalesce(loc.grp, j.location) end)
                          = any(:locations::text[]))
            )
            """;

    private static final OffsetDateTime EARLIEST = OffsetDateTime.of(1900, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime LATEST = OffsetDateTime.of(9000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final JdbcClient jdbc;

    MetricsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Totals(long total, long callbacks, long rejected, long closed, long noResponse, long offers,
                  long interviewed, long interviewedWithOffer, long responded, Double medianSeconds,
                  LocalDate firstApplied, LocalDate lastApplied) {
    }

    record Counts(String dimension, String value, long total, long callbacks, long rejected, long closed,
                  long noResponse) {
    }

    /** The distinct raw locations of the owner's jobs: few, grouped in Java ({@link LocationGrouping}). */
    List<String> locations(UUID owner) {
        return jdbc.sql("select distinct location from job where owner_id = :owner and location is not null")
                .param("owner", owner).query(String.class).list();
    }

    Totals totals(UUID owner, MetricsFilter filter, Map<String, String> groups) {
        return statement(FILTERED + """
                select count(*) as total,
                       count(*) filter (where f.status = 'callback') as callbacks,
                       count(*) filter (where f.status = 'rejected') as rejected,
                       count(*) filter (where f.status = 'closed') as closed,
                       count(*) filter (where f.status = 'no_response') as no_response,
                       count(*) filter (where f.outcome = 'offer') as offers,
                       count(*) filter (where iv.has_interview) as interviewed,
                       count(*) filter (where iv.has_interview and f.outcome = 'offer') as interviewed_offer,
                       count(fr.first_at) as responded,
                       percentile_cont(0.5) within group (order by extract(epoch from fr.first_at - f.applied_at))
                           as median_seconds,
                       min((f.applied_at at time zone :zone)::date) as first_applied,
                       max((f.applied_at at time zone :zone)::date) as last_applied
                from f
                cross join lateral (select exists (select 1 from interview i
                                                   where i.application_id = f.id and i.cancelled_at is null) as has_interview) iv
                left join lateral (select min(h.changed_at) as first_at from application_status_history h
                                   where h.application_id = f.id and h.status <> 'no_response') fr on true
                """, owner, filter, groups, Map.of())
                .query((rs, row) -> new Totals(rs.getLong("total"), rs.getLong("callbacks"), rs.getLong("rejected"),
                        rs.getLong("closed"), rs.getLong("no_response"), rs.getLong("offers"),
                        rs.getLong("interviewed"), rs.getLong("interviewed_offer"), rs.getLong("responded"),
                        rs.getObject("median_seconds", Double.class),
                        rs.getObject("first_applied", LocalDate.class), rs.getObject("last_applied", LocalDate.class)))
                .single();
    }

    /**
     * Status counts per value of every dimension (or only {@code only}) in one pass: each application contributes
     * one (dimension, value) row per dimension. Salaries come as bucket indexes ({@link SalaryBuckets}).
     */
    List<Counts> dimensions(UUID owner, MetricsFilter filter, Map<String, String> groups, int minBase, int maxBase,
                            int step, Dimension only) {
        Map<String, Object> extra = new HashMap<>();
        extra.put("minBase", minBase);
        extra.put("maxBase", maxBase);
        extra.put("step", step);
        extra.put("only", only == null ? null : only.key());
        return statement(FILTERED + """
                select d.dimension, d.value,
                       count(*) as total,
                       count(*) filter (where f.status = 'callback') as callbacks,
                       count(*) filter (where f.status = 'rejected') as rejected,
                       count(*) filter (where f.status = 'closed') as closed,
                       count(*) filter (where f.status = 'no_response') as no_response
                from f
                cross join lateral (values
                    ('role', f.role), ('specialization', f.specialization), ('level', f.level),
                    ('location', f.location_group), ('workSetting', f.work_setting), ('source', f.source),
                    ('minYears', f.min_experience_years::text),
                    ('minSalary', case when f.min_salary is null then null
                                       when f.min_salary < :minBase then '-1'
                                       else least(3, (f.min_salary - :minBase) / :step)::text end),
                    ('maxSalary', case when f.max_salary is null then null
                                       when f.max_salary < :maxBase then '-1'
                                       else least(3, (f.max_salary - :maxBase) / :step)::text end)
                ) as d(dimension, value)
                where cast(:only as text) is null or d.dimension = cast(:only as text)
                group by d.dimension, d.value
                """, owner, filter, groups, extra)
                .query((rs, row) -> new Counts(rs.getString("dimension"), rs.getString("value"), rs.getLong("total"),
                        rs.getLong("callbacks"), rs.getLong("rejected"), rs.getLong("closed"),
                        rs.getLong("no_response")))
                .list();
    }

    /** Applications and callbacks per applied date in the filter's zone; days without any are absent. */
    Map<LocalDate, Timeline.Day> days(UUID owner, MetricsFilter filter, Map<String, String> groups) {
        Map<LocalDate, Timeline.Day> days = new HashMap<>();
        statement(FILTERED + """
                select (f.applied_at at time zone :zone)::date as day, count(*) as applications,
                       count(*) filter (where f.status = 'callback') as callbacks
                from f group by 1
                """, owner, filter, groups, Map.of())
                .query(rs -> {
                    days.put(rs.getObject("day", LocalDate.class),
                            new Timeline.Day(rs.getLong("applications"), rs.getLong("callbacks")));
                });
        return days;
    }

    /**
     * How many applications got furthest to each stage: index = position in {@code stages}, counting only interviews
     * that were not cancelled.
     */
    long[] furthestStages(UUID owner, MetricsFilter filter, Map<String, String> groups, List<String> stages) {
        long[] counts = new long[stages.size()];
        statement(FILTERED + """
                select m.furthest, count(*) as applications
                from (select max(array_position(:stages::text[], i.stage)) as furthest
                      from f join interview i on i.application_id = f.id and i.cancelled_at is null
                      group by i.application_id) m
                group by m.furthest
                """, owner, filter, groups, Map.of("stages", textArray(stages)))
                .query(rs -> {
                    counts[rs.getInt("furthest") - 1] = rs.getLong("applications");
                });
        return counts;
    }

    private JdbcClient.StatementSpec statement(String sql, UUID owner, MetricsFilter filter,
                                               Map<String, String> groups, Map<String, Object> extra) {
        List<Map.Entry<String, String>> locations = List.copyOf(groups.entrySet());
        JdbcClient.StatementSpec spec = jdbc.sql(sql)
                .param("owner", owner)
                .param("zone", filter.zone().getId())
                .param("from", filter.from() == null ? EARLIEST
                        : filter.from().atStartOfDay(filter.zone()).toOffsetDateTime())
                .param("to", filter.to() == null ? LATEST
                        : filter.to().plusDays(1).atStartOfDay(filter.zone()).toOffsetDateTime())
                .param("locRaw", textArray(locations.stream().map(Map.Entry::getKey).toList()))
                .param("locGroup", textArray(locations.stream().map(Map.Entry::getValue).toList()))
                .param("roles", textArray(filter.roles()))
                .param("specializations", textArray(filter.specializations()))
                .param("levels", textArray(filter.levels()))
                .param("workSettings", textArray(filter.workSettings()))
                .param("sources", textArray(filter.sources()))
                .param("locations", textArray(filter.locations()));
        for (Map.Entry<String, Object> entry : extra.entrySet()) {
            spec = entry.getValue() == null ? spec.param(entry.getKey(), null, Types.VARCHAR)
                    : spec.param(entry.getKey(), entry.getValue());
        }
        return spec;
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
