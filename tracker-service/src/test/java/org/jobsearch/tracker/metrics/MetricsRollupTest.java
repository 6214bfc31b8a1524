package org.jobsearch.tracker.metrics;

import org.jobsearch.tracker.TrackerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rollup of migration V7 ({@code application_metrics_rollup}, kept by triggers on {@code application_metrics})
 * must count exactly what the read model holds: on random data and random filters (seeded), the dashboard's counts
 * ({@link MetricsQueries#aggregate}, which answers from the rollup without dimension filters) must equal a
 * straightforward aggregation of the read model's rows ({@link #reference}), after inserts, status changes, job edits,
 * moved dates, interviews, deletions, and concurrent writes by the same owner; and the rollup's rows must equal their
 * recomputation from scratch (no +1/-1 lost).
 */
@TrackerIntegrationTest
class MetricsRollupTest {

    private static final String[] ROLES = {null, "data_engineer", "software_engineer", "data_scientist", " "};
    private static final String[] SPECIALIZATIONS = {null, "platform", "streaming", "analytics"};
    private static final String[] LEVELS = {null, "senior", "ii", "iii"};
    private static final String[] LOCATIONS = {null, "", "Seattle, WA", "Bellevue, WA", "Remote (U.S.)", "Austin, TX"};
    private static final String[] WORK_SETTINGS = {null, "on_site", "hybrid", "remote"};
    private static final String[] SOURCES = {null, "linkedin", "indeed", "company_site"};
    private static final String[] STATUSES = {"no_response", "callback", "rejected", "closed"};
    private static final String[] OUTCOMES = {null, "offer", "rejected", "failed", "ghosted", "withdrew"};
    private static final String[] STAGES = {"recruiter_screen", "hiring_manager_screen", "technical_screen",
            "prep_call", "final_loop", "team_match"};
    /** Whole-hour offsets with and without DST, the date line, and offsets the hourly rollup cannot split. */
    private static final String[] ZONES = {"UTC", "America/New_York", "Europe/Berlin", "Pacific/Kiritimati",
            "America/Los_Angeles", "Asia/Kolkata", "Asia/Kathmandu"};
    private static final Instant START = Instant.parse("2024-11-01T00:00:00Z");
    private static final int MIN_BASE = 100000;
    private static final int MAX_BASE = 150000;
    private static final int STEP = 20000;

    /** The reference: the filtered rows of the read model, grouped once per dimension; no rollup, no tricks. */
    private static final String REFERENCE_WHERE = """
            from application_metrics
            where owner_id = ? and applied_at >= ? and applied_at < ?
              and (cardinality(?::text[]) = 0 or role = any(?::text[]))
              and (cardinality(?::text[]) = 0 or specialization = any(?::text[]))
              and (cardinality(?::text[]) = 0 or level = any(?::text[]))
              and (cardinality(?::text[]) = 0 or work_setting = any(?::text[]))
              and (cardinality(?::text[]) = 0 or source = any(?::text[]))
              and (not ? or location = any(?::text[]) or (? and coalesce(btrim(location), '') = ''))
            """;
    private static final String REFERENCE_COUNTS = """
            count(*), count(*) filter (where status = 'callback'), count(*) filter (where status = 'rejected'),
            count(*) filter (where status = 'closed'), count(*) filter (where status = 'no_response')""";
    private static final Map<String, String> COLUMNS = Map.of("role", "role", "specialization", "specialization",
            "level", "level", "location", "location", "workSetting", "work_setting", "source", "source",
            "minYears", "min_experience_years::text", "minSalary", "min_salary", "maxSalary", "max_salary");

    /** The rollup's rows as they must be: recomputed from the read model. */
    private static final String ROLLUP_RECOMPUTED = """
            select kind, bucket, value, extra, count(*)::int as n,
                   (count(*) filter (where status = 'callback'))::int as callbacks,
                   (count(*) filter (where status = 'rejected'))::int as rejected,
                   (count(*) filter (where status = 'closed'))::int as closed,
                   (count(*) filter (where status = 'no_response'))::int as no_response
            from application_metrics m
            cross join lateral (values
                ('role', date_trunc('month', applied_at, 'UTC'), role, null::text),
                ('specialization', date_trunc('month', applied_at, 'UTC'), specialization, null),
                ('level', date_trunc('month', applied_at, 'UTC'), level, null),
                ('location', date_trunc('month', applied_at, 'UTC'), location, null),
                ('workSetting', date_trunc('month', applied_at, 'UTC'), work_setting, null),
                ('source', date_trunc('month', applied_at, 'UTC'), source, null),
                ('minYears', date_trunc('month', applied_at, 'UTC'), min_experience_years::text, null),
                ('minSalary', date_trunc('month', applied_at, 'UTC'), min_salary::text, null),
                ('maxSalary', date_trunc('month', applied_at, 'UTC'), max_salary::text, null),
                ('process', date_trunc('month', applied_at, 'UTC'), furthest_stage, outcome)) k(kind, bucket, value, extra)
            where owner_id = ?::uuid
            group by kind, bucket, value, extra
            order by kind, bucket, value nulls first, extra nulls first""";
    /** The daily rows (V8) as they must be: per UTC day with applications, 24 hourly counts each. */
    private static final String DAILY_RECOMPUTED = """
            select day, array_agg(coalesce(n, 0) order by hour) as applied,
                   array_agg(coalesce(c, 0) order by hour) as callbacks,
                   array_agg(coalesce(r, 0) order by hour) as responded
            from (select d.day, g.hour, h.n, h.c, h.r
                  from (select distinct (applied_at at time zone 'UTC')::date as day
                        from application_metrics where owner_id = ?::uuid) d
                  cross join generate_series(0, 23) g(hour)
                  left join (select (applied_at at time zone 'UTC')::date as day,
                                    extract(hour from applied_at at time zone 'UTC')::int as hour, count(*)::int as n,
                                    (count(*) filter (where status = 'callback'))::int as c,
                                    (count(*) filter (where responded_at is not null))::int as r
                             from application_metrics where owner_id = ?::uuid group by 1, 2) h
                         on h.day = d.day and h.hour = g.hour) x
            group by day
            order by day""";
    private static final String DAILY_KEPT = """
            select day, applied::text, callbacks::text, responded::text from application_metrics_daily
            where owner_id = ?::uuid and applied <> array_fill(0, array[24])
            order by day""";
    private static final String ROLLUP_KEPT = """
            select kind, bucket, value, extra, n, callbacks, rejected, closed, no_response
            from application_metrics_rollup
            where owner_id = ?::uuid and (n, callbacks, rejected, closed, no_response) <> (0, 0, 0, 0, 0)
            order by kind, bucket, value nulls first, extra nulls first""";

    @Autowired
    MetricsQueries queries;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    private final Random random = new Random(6);
    private final List<UUID> applications = new ArrayList<>();
    private final Map<UUID, UUID> jobOf = new HashMap<>();
    private int rollupAnswers;
    private int readModelAnswers;

    @Test
    void theRollupCountsWhatTheReadModelHoldsThroughEveryKindOfWrite() throws Exception {
        UUID owner = UUID.randomUUID();
        UUID neighbour = UUID.randomUUID();
        for (int i = 0; i < 40; i++) {
            insertApplication(neighbour);
        }
        for (int i = 0; i < 400; i++) {
            insertApplication(owner);
        }
        assertRollupKeptAndFiltersAgree(owner, "inserted");

        for (int i = 0; i < 150; i++) {
            changeStatus(pick(applications));
        }
        assertRollupKeptAndFiltersAgree(owner, "statuses changed");

        for (int i = 0; i < 80; i++) {
            editJob(jobOf.get(pick(applications)));
        }
        for (int i = 0; i < 40; i++) {
            jdbc.update("update application set applied_at = ? where id = ?", randomInstant(), pick(applications));
        }
        for (int i = 0; i < 60; i++) {
            scheduleOrCancelInterview(pick(applications));
        }
        assertRollupKeptAndFiltersAgree(owner, "jobs edited, dates moved, interviews");

        for (int i = 0; i < 60; i++) {
            delete(applications.remove(random.nextInt(applications.size())));
        }
        assertRollupKeptAndFiltersAgree(owner, "deleted");

        concurrentWrites(owner);
        assertRollupKeptAndFiltersAgree(owner, "after concurrent writes");
        assertRollupKeptAndFiltersAgree(neighbour, "the neighbour's");

        // the test proves something about both paths only if both answered
        assertThat(rollupAnswers).isGreaterThan(50);
        assertThat(readModelAnswers).isGreaterThan(50);
    }

    /** Several writers of the same owner at once, each transaction touching several of the same rollup rows. */
    private void concurrentWrites(UUID owner) throws Exception {
        List<UUID> mine = List.copyOf(applications.stream().filter(a -> ownerOf(a).equals(owner)).toList());
        AtomicInteger retried = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                long seed = random.nextLong();
                writers.add(pool.submit(() -> {
                    Random own = new Random(seed);
                    for (int i = 0; i < 40; i++) {
                        UUID app = mine.get(own.nextInt(mine.size()));
                        String status = STATUSES[own.nextInt(STATUSES.length)];
                        Instant applied = START.plus(own.nextInt(60 * 24 * 730), ChronoUnit.MINUTES);
                        for (int attempt = 0; ; attempt++) {
                            try {
                                transactions.executeWithoutResult(tx -> {
                                    jdbc.update("update application set status = ?, outcome = null, "
                                            + "outcome_date = null where id = ?", status, app);
                                    jdbc.update("update application set applied_at = ? where id = ?",
                                            Timestamp.from(applied), app);
                                    insertApplicationRow(owner, own);
                                });
                                break;
                            } catch (ConcurrencyFailureException deadlock) {
                                // a deadlock between two writers rolls one back whole: nothing half-counted; retry
                                retried.incrementAndGet();
                                if (attempt == 5) {
                                    throw deadlock;
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
        }
        applications.clear();
        applications.addAll(jdbc.queryForList("select id from application where owner_id = ?", UUID.class, owner));
        applications.forEach(a -> jobOf.put(a, jdbc.queryForObject("select job_id from application where id = ?",
                UUID.class, a)));
    }

    private UUID ownerOf(UUID application) {
        return jdbc.queryForObject("select owner_id from application where id = ?", UUID.class, application);
    }

    private void assertRollupKeptAndFiltersAgree(UUID owner, String when) {
        assertThat(jdbc.queryForList(ROLLUP_KEPT, owner.toString()))
                .as("rollup rows %s", when).isEqualTo(jdbc.queryForList(ROLLUP_RECOMPUTED, owner.toString()));
        assertThat(jdbc.queryForList(DAILY_KEPT, owner.toString()))
                .as("daily rows %s", when)
                .isEqualTo(jdbc.queryForList("select day, applied::text, callbacks::text, responded::text from ("
                        + DAILY_RECOMPUTED + ") d", owner.toString(), owner.toString()));
        for (int i = 0; i < 40; i++) {
            MetricsFilter filter = randomFilter(i % 2 == 0);
            List<String> rawLocations = filter.locations().isEmpty() ? null
                    : filter.locations().stream().filter(l -> !l.equals(LocationGrouping.NOT_SPECIFIED)).toList();
            boolean locationNone = filter.locations().contains(LocationGrouping.NOT_SPECIFIED);
            Normalized expected = reference(owner, filter, rawLocations, locationNone);
            MetricsQueries.Aggregates answered = queries.aggregate(owner, filter, rawLocations, locationNone,
                    MIN_BASE, MAX_BASE, STEP);
            assertThat(Normalized.of(answered)).as("%s, %s", when, filter).isEqualTo(expected);
            if (rawLocations == null && !locationNone && filter.roles().isEmpty()
                    && filter.specializations().isEmpty() && filter.levels().isEmpty()
                    && filter.workSettings().isEmpty() && filter.sources().isEmpty()) {
                MetricsQueries.Aggregates rolledUp = queries.fromRollup(owner, filter, MIN_BASE, MAX_BASE, STEP);
                if (filter.zone().getRules().getOffset(START).getTotalSeconds() % 3600 == 0) {
                    assertThat(rolledUp).as("whole-hour zone %s answered from the rollup", filter.zone())
                            .isNotNull();
                    rollupAnswers++;
                } else if (rolledUp == null) {
                    readModelAnswers++;
                }
            } else {
                readModelAnswers++;
            }
            assertThat(Normalized.of(queries.fromReadModel(owner, filter, rawLocations, locationNone, MIN_BASE,
                    MAX_BASE, STEP))).as("read model, %s, %s", when, filter).isEqualTo(expected);
        }
    }

    private MetricsFilter randomFilter(boolean datesOnly) {
        ZoneId zone = ZoneId.of(ZONES[random.nextInt(ZONES.length)]);
        LocalDate from = null;
        LocalDate to = null;
        int dates = random.nextInt(4);
        if (dates == 1 || dates == 3) {
            from = LocalDate.of(2024, 10, 25).plusDays(random.nextInt(760));
        }
        if (dates == 2 || dates == 3) {
            to = (from == null ? LocalDate.of(2024, 10, 25) : from).plusDays(random.nextInt(400));
        }
        if (datesOnly) {
            return new MetricsFilter(from, to, zone, null, null, null, null, null, null);
        }
        return new MetricsFilter(from, to, zone, someOf(ROLES), someOf(SPECIALIZATIONS), someOf(LEVELS),
                someOf(WORK_SETTINGS), someOf(SOURCES), someLocations());
    }

    private List<String> someOf(String[] values) {
        List<String> chosen = new ArrayList<>();
        if (random.nextInt(3) == 0) {
            for (String value : values) {
                if (value != null && !value.isBlank() && random.nextBoolean()) {
                    chosen.add(value);
                }
            }
        }
        return chosen;
    }

    private List<String> someLocations() {
        List<String> chosen = someOf(LOCATIONS);
        if (!chosen.isEmpty() && random.nextBoolean()) {
            chosen.add(LocationGrouping.NOT_SPECIFIED);
        }
        return chosen;
    }

    /** Everything the dashboard counts, aggregated from the read model's rows in the simplest way. */
    private Normalized reference(UUID owner, MetricsFilter filter, List<String> rawLocations, boolean locationNone) {
        OffsetDateTime from = filter.from() == null ? OffsetDateTime.parse("1900-01-01T00:00:00Z")
                : filter.from().atStartOfDay(filter.zone()).toOffsetDateTime();
        OffsetDateTime to = filter.to() == null ? OffsetDateTime.parse("9000-01-01T00:00:00Z")
                : filter.to().plusDays(1).atStartOfDay(filter.zone()).toOffsetDateTime();
        List<Object> where = new ArrayList<>(List.of(owner, from, to));
        for (List<String> values : List.of(filter.roles(), filter.specializations(), filter.levels(),
                filter.workSettings(), filter.sources())) {
            String[] array = values.toArray(String[]::new);
            where.add(array);
            where.add(array);
        }
        where.add(rawLocations != null || locationNone);
        where.add(rawLocations == null ? new String[0] : rawLocations.toArray(String[]::new));
        where.add(locationNone);
        Object[] params = where.toArray();

        Normalized expected = new Normalized(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new long[1],
                new Double[1]);
        COLUMNS.forEach((kind, column) -> jdbc.query("select " + column + " as value, " + REFERENCE_COUNTS + " "
                + REFERENCE_WHERE + " group by 1", rs -> {
            String value = rs.getString(1);
            if (value != null && (kind.equals("minSalary") || kind.equals("maxSalary"))) {
                value = String.valueOf(SalaryBuckets.index(Integer.valueOf(value),
                        kind.equals("minSalary") ? MIN_BASE : MAX_BASE, STEP));
            }
            expected.add(expected.dimensions, kind + "=" + value, counts(rs));
        }, params));
        jdbc.query("select coalesce(furthest_stage, '-') || '/' || coalesce(outcome, '-'), " + REFERENCE_COUNTS + " "
                + REFERENCE_WHERE + " group by 1", rs -> {
            expected.add(expected.process, rs.getString(1), counts(rs));
        }, params);
        List<Object> dayParams = new ArrayList<>(List.of(filter.zone().getId()));
        dayParams.addAll(where);
        jdbc.query("select ((applied_at at time zone ?)::date)::text, " + REFERENCE_COUNTS + " " + REFERENCE_WHERE
                + " group by 1", rs -> {
            long[] c = counts(rs);
            expected.add(expected.days, rs.getString(1), new long[]{c[0], c[1], 0, 0, 0});
        }, dayParams.toArray());
        jdbc.query("select count(*), percentile_cont(0.5) within group "
                + "(order by extract(epoch from responded_at - applied_at)) " + REFERENCE_WHERE
                + " and responded_at is not null", rs -> {
            expected.responded[0] = rs.getLong(1);
            expected.median[0] = rs.getObject(2, Double.class);
        }, params);
        return expected;
    }

    private static long[] counts(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new long[]{rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)};
    }

    /** Aggregates in one comparable shape: every (kind, value) once, counts summed, sorted. */
    record Normalized(TreeMap<String, List<Long>> dimensions, TreeMap<String, List<Long>> days,
                      TreeMap<String, List<Long>> process, long[] responded, Double[] median) {

        static Normalized of(MetricsQueries.Aggregates a) {
            Normalized n = new Normalized(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(),
                    new long[]{a.responded()}, new Double[]{a.medianSeconds()});
            a.dimensions().forEach((kind, list) -> list.forEach(c -> n.add(n.dimensions, kind + "=" + c.value(),
                    array(c))));
            a.days().forEach((day, c) -> n.add(n.days, day.toString(), new long[]{c.total(), c.callbacks(), 0, 0, 0}));
            a.process().forEach(p -> n.add(n.process, (p.stage() == null ? "-" : p.stage()) + "/"
                    + (p.outcome() == null ? "-" : p.outcome()), array(p.counts())));
            return n;
        }

        private static long[] array(MetricsQueries.Counts c) {
            return new long[]{c.total(), c.callbacks(), c.rejected(), c.closed(), c.noResponse()};
        }

        void add(TreeMap<String, List<Long>> into, String key, long[] counts) {
            List<Long> sums = into.computeIfAbsent(key, k -> new ArrayList<>(List.of(0L, 0L, 0L, 0L, 0L)));
            for (int i = 0; i < 5; i++) {
                sums.set(i, sums.get(i) + counts[i]);
            }
            if (sums.get(0) == 0) {
                into.remove(key);
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Normalized other && dimensions.equals(other.dimensions) && days.equals(other.days)
                    && process.equals(other.process) && responded[0] == other.responded[0]
                    && (median[0] == null ? other.median[0] == null
                    : other.median[0] != null && Math.abs(median[0] - other.median[0]) < 1e-6);
        }

        @Override
        public int hashCode() {
            return dimensions.hashCode();
        }

        @Override
        public String toString() {
            return "dimensions=" + dimensions + ", days=" + days + ", process=" + process + ", responded="
                    + responded[0] + ", median=" + median[0];
        }
    }

    private void insertApplication(UUID owner) {
        UUID app = insertApplicationRow(owner, random);
        applications.add(app);
        jobOf.put(app, jdbc.queryForObject("select job_id from application where id = ?", UUID.class, app));
    }

    /** A job, its application with a random status (its history) and maybe interviews. */
    private UUID insertApplicationRow(UUID owner, Random r) {
        UUID job = UUID.randomUUID();
        UUID app = UUID.randomUUID();
        Integer minSalary = r.nextInt(5) == 0 ? null : 80000 + 5000 * r.nextInt(20);
        jdbc.update("""
                insert into job (id, owner_id, company, listing_job_title, source, role, specialization, level,
                                 location, work_setting, min_experience_years, min_salary, max_salary)
                values (?, ?, ?, 'Engineer', ?, ?, ?, ?, ?, ?, ?, ?, ?)""", job, owner, "Company " + r.nextInt(50),
                one(SOURCES, r), one(ROLES, r), one(SPECIALIZATIONS, r), one(LEVELS, r), one(LOCATIONS, r),
                one(WORK_SETTINGS, r), r.nextInt(4) == 0 ? null : r.nextInt(10), minSalary,
                minSalary == null || r.nextBoolean() ? null : minSalary + 10000 * r.nextInt(5));
        String status = STATUSES[r.nextInt(STATUSES.length)];
        String outcome = status.equals("callback") ? OUTCOMES[r.nextInt(OUTCOMES.length)] : null;
        Instant applied = START.plus(r.nextInt(60 * 24 * 730), ChronoUnit.MINUTES);
        jdbc.update("""
                insert into application (id, owner_id, job_id, applied_at, status, outcome, outcome_date)
                values (?, ?, ?, ?, ?, ?, ?)""", app, owner, job, Timestamp.from(applied), status, outcome,
                outcome == null ? null : LocalDate.of(2026, 1, 1));
        jdbc.update("insert into application_status_history (id, application_id, status, changed_at, owner_id) "
                + "values (?, ?, 'no_response', ?, ?)", UUID.randomUUID(), app, Timestamp.from(applied), owner);
        if (!status.equals("no_response")) {
            jdbc.update("insert into application_status_history (id, application_id, status, changed_at, owner_id) "
                            + "values (?, ?, ?, ?, ?)", UUID.randomUUID(), app, status,
                    Timestamp.from(applied.plus(1 + r.nextInt(60 * 24 * 20), ChronoUnit.MINUTES)), owner);
        }
        if (status.equals("callback")) {
            for (int i = r.nextInt(3); i > 0; i--) {
                insertInterview(app, owner, job, r);
            }
        }
        return app;
    }

    private void insertInterview(UUID app, UUID owner, UUID job, Random r) {
        jdbc.update("""
                insert into interview (id, owner_id, application_id, job_id, stage, scheduled_at, cancelled_at)
                values (?, ?, ?, ?, ?, now(), case when ? then now() end)""", UUID.randomUUID(), owner, app, job,
                STAGES[r.nextInt(STAGES.length)], r.nextInt(5) == 0);
    }

    private void changeStatus(UUID app) {
        String status = STATUSES[random.nextInt(STATUSES.length)];
        String outcome = status.equals("callback") ? OUTCOMES[random.nextInt(OUTCOMES.length)] : null;
        jdbc.update("update application set status = ?, outcome = ?, outcome_date = ? where id = ?", status, outcome,
                outcome == null ? null : LocalDate.of(2026, 1, 2), app);
        jdbc.update("insert into application_status_history (id, application_id, status, changed_at, owner_id) "
                        + "select ?, id, ?, applied_at + interval '3 days', owner_id from application where id = ?",
                UUID.randomUUID(), status, app);
    }

    private void editJob(UUID job) {
        Integer minSalary = random.nextInt(5) == 0 ? null : 80000 + 5000 * random.nextInt(20);
        jdbc.update("""
                update job set role = ?, specialization = ?, level = ?, location = ?, work_setting = ?, source = ?,
                               min_experience_years = ?, min_salary = ?, max_salary = ? where id = ?""",
                one(ROLES, random), one(SPECIALIZATIONS, random), one(LEVELS, random), one(LOCATIONS, random),
                one(WORK_SETTINGS, random), one(SOURCES, random), random.nextInt(10), minSalary,
                minSalary == null ? null : minSalary + 30000, job);
    }

    private void scheduleOrCancelInterview(UUID app) {
        if (random.nextBoolean()) {
            jdbc.update("update interview set cancelled_at = now() where id = (select id from interview "
                    + "where application_id = ? and cancelled_at is null limit 1)", app);
        } else {
            UUID owner = ownerOf(app);
            insertInterview(app, owner, jobOf.get(app), random);
        }
    }

    private void delete(UUID app) {
        transactions.executeWithoutResult(tx -> {
            jdbc.update("delete from interview where application_id = ?", app);
            jdbc.update("delete from application_status_history where application_id = ?", app);
            jdbc.update("delete from application where id = ?", app);
        });
    }

    private UUID pick(List<UUID> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static String one(String[] values, Random r) {
        return values[r.nextInt(values.length)];
    }

    private Timestamp randomInstant() {
        return Timestamp.from(START.plus(random.nextInt(60 * 24 * 730), ChronoUnit.MINUTES));
    }
}
