package org.jobsearch.benchmarks;

import org.jobsearch.identity.CurrentUser;
import org.jobsearch.identity.IdentityProperties;
import org.jobsearch.identity.IdentityTokenSigner;
import org.jobsearch.testkit.PostgresServer;
import org.jobsearch.testkit.SharedInfrastructure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The tracker's metrics dashboard ({@code GET /api/tracker/metrics}, the whole response over HTTP from the real
 * tracker-service jar run as a child process) over one user's 10k and 100k applications, against the least any
 * correct dashboard must do: one aggregating scan of that user's applications over JDBC in the same run
 * ({@value #BASELINE}). Target (issue 6): ≤ 3× the scan at 100k, and time growing no faster than linearly.
 * <p>
 * The data is generated with SQL ({@code generate_series}) straight into the tracker's schema (Flyway-migrated by the
 * tracker at start-up): jobs with varied role, specialization, level, location, work setting, source, experience
 * and salary range; applications over two years with status history, desired salaries, outcomes after callbacks and
 * 1–4 interviews per callback (some cancelled); the tracker's triggers fill its metrics read model
 * {@code application_metrics} (migration V6) and the rollups over it ({@code application_metrics_rollup}, V7, and
 * {@code application_metrics_daily}, V8) as the
 * rows go in, as they do for the service's own writes. Printed per user: distinct companies and days, the rollup's
 * rows (what the dashboard reads instead of the applications) and, for comparison, how many rows a rollup keyed by
 * every filterable dimension and the day would need. Options (system
 * properties): {@code bench.sizes} (default {@code 10000,100000}), {@code bench.runs} (timed runs per path and
 * size, default 9), {@code bench.warmup} (5), {@code bench.trackerJar} (default:
 * tracker-service/target/tracker-service-*.jar, the Boot jar that {@code ./mvnw install} builds),
 * {@code bench.trackerHeap} (512m), {@code bench.trackerJvmArgs} (extra options for the service's JVM),
 * {@code bench.holdSeconds} (0; keeps the loaded database and the tracker up this long after the results, for psql).
 */
public final class MetricsBenchmark {

    static final String BASELINE = "select status, count(*) from application where owner_id = ? group by status";

    private final PostgresServer postgres = SharedInfrastructure.postgres();
    private final String bootstrap = SharedInfrastructure.kafka().bootstrapServers();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("bench.sizes", "10000,100000").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        int runs = Integer.getInteger("bench.runs", 9);
        int warmup = Integer.getInteger("bench.warmup", 5);
        int exit = 0;
        try {
            new MetricsBenchmark().run(sizes, runs, warmup);
        } catch (Exception e) {
            e.printStackTrace();
            exit = 1;
        }
        System.exit(exit);
    }

    record Result(int rows, double metricsMs, double scanMs, int responseBytes, long rollupRows) {
        double ratio() {
            return metricsMs / scanMs;
        }
    }

    void run(int[] sizes, int runs, int warmup) throws Exception {
        Path jar = ServiceJvm.bootJar("tracker-service", "bench.trackerJar");
        String database = postgres.createDatabase("bench_metrics");
        int port = ServiceJvm.freePort();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String signingKey = Base64.getEncoder().encodeToString(key);
        String heap = System.getProperty("bench.trackerHeap", "512m");

        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(),
                postgres.password());
             Tracker tracker = Tracker.start(jar, heap, port, postgres, database, bootstrap, signingKey)) {
            System.out.println("== Metrics benchmark (" + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
                    + " cores, Java " + System.getProperty("java.version") + ") ==");
            System.out.println("Metrics API: GET /api/tracker/metrics (defaults: interval=day, zone UTC, no filter), the "
                    + "whole response read, from " + jar.getFileName() + " run with -Xmx" + heap
                    + " -XX:+UseSerialGC (Boot defaults: Tomcat, HikariCP pool 10), over HTTP/1.1 keep-alive on loopback, "
                    + "one request at a time, HS256 identity token signed before each request (not timed)");
            System.out.println("Baseline: one JDBC connection (PostgreSQL driver defaults), prepared statement \"" + BASELINE
                    + "\", every row read");
            System.out.println("PostgreSQL: " + scalar(db, "select version()") + " (zonky embedded, default planner "
                    + "settings, shared_buffers " + scalar(db, "show shared_buffers") + ", work_mem "
                    + scalar(db, "show work_mem") + "); tables analyzed after loading");
            System.out.println("Per size: " + warmup + " warm-up rounds, then " + runs
                    + " timed rounds of (metrics API, baseline scan) alternating; medians");
            tracker.awaitReady(http, Duration.ofMinutes(4));

            IdentityTokenSigner signer = new IdentityTokenSigner(new IdentityProperties(signingKey, null, null, null,
                    null, null, null));
            Map<Integer, UUID> owners = new LinkedHashMap<>();
            for (int size : sizes) {
                UUID owner = UUID.randomUUID();
                long started = System.nanoTime();
                Generator.load(db, owner, size);
                owners.put(size, owner);
                System.out.printf("Loaded %,d applications for user %s in %.1f s%n", size, owner,
                        (System.nanoTime() - started) / 1e9);
            }
            try (Statement s = db.createStatement()) {
                s.execute("analyze");
            }
            System.out.println("Rows: " + scalar(db, "select count(*) from job") + " jobs, "
                    + scalar(db, "select count(*) from application") + " applications, "
                    + scalar(db, "select count(*) from application_status_history") + " status changes, "
                    + scalar(db, "select count(*) from interview") + " interviews");
            for (int size : sizes) {
                UUID owner = owners.get(size);
                System.out.printf("User with %,d applications: %,d distinct companies, applied on %,d distinct days; "
                                + "rollups %,d rows (V8: %,d per UTC day of 24 hourly counts, V7: %,d per UTC month and "
                                + "value); distinct "
                                + "combinations of the six filterable dimensions %,d, with the applied day %,d "
                                + "(what a rollup keyed by all of them would hold)%n", size,
                        count(db, "select count(distinct company) from job where owner_id = ?", owner),
                        count(db, "select count(distinct (applied_at at time zone 'UTC')::date) from application "
                                + "where owner_id = ?", owner),
                        rollupRows(db, owner),
                        count(db, "select count(*) from application_metrics_daily where owner_id = ?", owner),
                        count(db, "select count(*) from application_metrics_rollup where owner_id = ?", owner),
                        count(db, "select count(*) from (select distinct role, specialization, level, work_setting, "
                                + "source, location from application_metrics where owner_id = ?) d", owner),
                        count(db, "select count(*) from (select distinct role, specialization, level, work_setting, "
                                + "source, location, (applied_at at time zone 'UTC')::date from application_metrics "
                                + "where owner_id = ?) d", owner));
            }

            List<Result> results = new ArrayList<>();
            for (int size : sizes) {
                UUID owner = owners.get(size);
                CurrentUser user = new CurrentUser(owner, "bench-" + size, Set.of(CurrentUser.USER));
                URI uri = URI.create("http://127.0.0.1:" + port + "/api/tracker/metrics");
                int bytes = 0;
                for (int i = 0; i < warmup; i++) {
                    bytes = metrics(uri, signer.sign(user));
                    scan(db, owner);
                }
                double[] metricsMs = new double[runs];
                double[] scanMs = new double[runs];
                for (int i = 0; i < runs; i++) {
                    String token = signer.sign(user);
                    long t0 = System.nanoTime();
                    metrics(uri, token);
                    long t1 = System.nanoTime();
                    scan(db, owner);
                    long t2 = System.nanoTime();
                    metricsMs[i] = (t1 - t0) / 1e6;
                    scanMs[i] = (t2 - t1) / 1e6;
                }
                Result result = new Result(size, median(metricsMs), median(scanMs), bytes,
                        rollupRows(db, owner));
                results.add(result);
                System.out.printf("%,7d applications: metrics API median %8.1f ms (min %.1f, max %.1f; %,d bytes), "
                                + "scan median %6.1f ms (min %.1f, max %.1f): %.1fx; rollup rows %,d%n", size,
                        result.metricsMs(), Arrays.stream(metricsMs).min().orElse(0),
                        Arrays.stream(metricsMs).max().orElse(0), bytes, result.scanMs(),
                        Arrays.stream(scanMs).min().orElse(0), Arrays.stream(scanMs).max().orElse(0), result.ratio(),
                        result.rollupRows());
            }

            System.out.println();
            System.out.println("== Results ==");
            System.out.println("| Applications | metrics API median | scan median | ratio (target ≤ 3× at 100k) "
                    + "| rollup rows read (V7 + V8) |");
            System.out.println("|---|---|---|---|---|");
            for (Result r : results) {
                System.out.printf("| %,d | %.1f ms | %.1f ms | %.1f× | %,d |%n", r.rows(), r.metricsMs(), r.scanMs(),
                        r.ratio(), r.rollupRows());
            }
            for (int i = 1; i < results.size(); i++) {
                Result a = results.get(i - 1);
                Result b = results.get(i);
                System.out.printf("Growth %,d → %,d (%.0f× the rows): metrics API %.1f×, scan %.1f× "
                                + "(target: no faster than linear, i.e. ≤ %.0f×)%n", a.rows(), b.rows(),
                        (double) b.rows() / a.rows(), b.metricsMs() / a.metricsMs(), b.scanMs() / a.scanMs(),
                        (double) b.rows() / a.rows());
            }
            int holdSeconds = Integer.getInteger("bench.holdSeconds", 0);
            if (holdSeconds > 0) { // e.g. to EXPLAIN the tracker's statements on the loaded data with psql
                System.out.printf("Holding the database and the tracker for %d s: %s (user %s), owners %s, tracker "
                                + "http://127.0.0.1:%d%n", holdSeconds, postgres.jdbcUrl(database),
                        postgres.username(), owners, port);
                Thread.sleep(holdSeconds * 1000L);
            }
        }
    }

    private int metrics(URI uri, String token) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("metrics API answered " + response.statusCode() + ": "
                    + new String(response.body()));
        }
        return response.body().length;
    }

    private static long scan(Connection db, UUID owner) throws SQLException {
        long total = 0;
        try (PreparedStatement s = db.prepareStatement(BASELINE)) {
            s.setObject(1, owner);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rs.getString(1);
                    total += rs.getLong(2);
                }
            }
        }
        return total;
    }

    /** What the dashboard reads without dimension filters: the month rows (V7) and the daily rows (V8). */
    private static long rollupRows(Connection db, UUID owner) throws SQLException {
        return count(db, "select count(*) from application_metrics_rollup where owner_id = ?", owner)
                + count(db, "select count(*) from application_metrics_daily where owner_id = ?", owner);
    }

    private static long count(Connection db, String sql, UUID owner) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setObject(1, owner);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String scalar(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The real tracker-service, its Boot jar in a JVM of its own, on the benchmark's PostgreSQL and Kafka. */
    private static final class Tracker implements AutoCloseable {
        final Process process;
        final Path log;
        final int port;

        private Tracker(Process process, Path log, int port) {
            this.process = process;
            this.log = log;
            this.port = port;
        }

        static Tracker start(Path jar, String heap, int port, PostgresServer postgres, String database,
                             String bootstrap, String signingKey) throws IOException {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            // a private copy: a build running meanwhile rewrites target/*.jar under the running JVM's feet
            Path copy = Files.createTempFile("metrics-benchmark-tracker", ".jar");
            copy.toFile().deleteOnExit();
            Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
            Path log = Files.createTempFile("metrics-benchmark-tracker", ".log");
            List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx" + heap, "-XX:+UseSerialGC"));
            // e.g. -Dbench.trackerJvmArgs=-XX:StartFlightRecording=filename=/tmp/metrics.jfr to profile the service
            command.addAll(ServiceJvm.extraArgs("bench.trackerJvmArgs"));
            command.addAll(List.of("-jar", copy.toString(),
                    "--server.port=" + port,
                    "--spring.datasource.url=" + postgres.jdbcUrl(database),
                    "--spring.datasource.username=" + postgres.username(),
                    "--spring.datasource.password=" + postgres.password(),
                    "--spring.kafka.bootstrap-servers=" + bootstrap,
                    "--jobsearch.identity.signing-key=" + signingKey,
                    "--jobsearch.messaging.relay.name=" + database,
                    "--jobsearch.messaging.relay.slot-name=" + database + "_outbox",
                    "--jobsearch.messaging.consumer.group-id=tracker-" + database,
                    "--logging.level.root=WARN"));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            Tracker tracker = new Tracker(process, log, port);
            Runtime.getRuntime().addShutdownHook(new Thread(tracker::close, "metrics-benchmark-tracker-stop"));
            return tracker;
        }

        void awaitReady(HttpClient http, Duration timeout) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("tracker-service exited with " + process.exitValue() + ":\n"
                            + Files.readString(log));
                }
                try {
                    if (http.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException("tracker-service not ready within " + timeout + ":\n" + Files.readString(log));
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                process.destroy();
                try {
                    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /**
     * One user's jobs and applications, generated by PostgreSQL. Values come from {@code hashtext} of the row number
     * and a salt, so every run loads the same distribution (ids are random per run).
     */
    static final class Generator {

        private static final String JOBS = """
                insert into job (id, owner_id, company, listing_job_title, external_job_id, source, role, specialization,
                                 level, location, work_setting, min_experience_years, min_salary, max_salary,
                                 created_at, updated_at)
                select md5(?::text || ':job:' || i)::uuid, ?::uuid,
                       'Company ' || (h(i, 'company') % 4000),
                       (array['Data Engineer', 'Senior Data Engineer', 'Analytics Engineer', 'Software Engineer II',
                              'Data Scientist', 'BI Engineer', 'Solutions Engineer', 'Data Analyst'])[1 + h(i, 'title') % 8],
                       case when h(i, 'ext') % 3 = 0 then null else 'REQ-' || i end,
                       case when h(i, 'src') % 25 = 0 then null
                            else (array['linkedin', 'linkedin', 'linkedin', 'company_site', 'company_site', 'indeed',
                                        'internal_recruiter', 'external_recruiter'])[1 + h(i, 'src') % 8] end,
                       case when h(i, 'role') % 12 = 0 then null
                            else (array['analytics_engineer', 'business_analyst', 'business_intelligence_engineer',
                                        'data_analyst', 'data_engineer', 'data_engineer', 'data_engineer',
                                        'data_scientist', 'software_engineer', 'software_engineer',
                                        'solutions_engineer'])[1 + h(i, 'role') % 11] end,
                       case when h(i, 'spec') % 3 = 0 then null
                            else (array['platform', 'streaming', 'machine learning', 'analytics', 'backend',
                                        'data quality', 'governance'])[1 + h(i, 'spec') % 7] end,
                       case when h(i, 'level') % 10 = 0 then null
                            else (array['associate', 'i', 'ii', 'ii', 'iii', 'senior', 'senior'])[1 + h(i, 'level') % 7] end,
                       case when h(i, 'loc') % 15 = 0 then null
                            else (array['Seattle, WA', 'Bellevue, WA', 'Redmond, WA', 'Chicago, IL', 'Evanston, IL',
                                        'Milwaukee, WI', 'Austin, TX', 'New York, NY', 'Remote (U.S.)', 'Remote (U.S.)',
                                        'San Francisco, CA', 'Denver, CO', 'Boston, MA'])[1 + h(i, 'loc') % 13] end,
                       case when h(i, 'ws') % 8 = 0 then null
                            else (array['on_site', 'hybrid', 'hybrid', 'remote', 'remote'])[1 + h(i, 'ws') % 5] end,
                       case when h(i, 'yrs') % 6 = 0 then null else h(i, 'yrs') % 11 end,
                       s.min_salary,
                       case when s.min_salary is null then null else s.min_salary + 10000 * (1 + h(i, 'max') % 6) end,
                       now() - interval '800 days', now() - interval '800 days'
                from generate_series(1, ?) i
                cross join lateral (select case when h(i, 'min') % 5 = 0 then null
                                                else 70000 + 5000 * (h(i, 'min') % 24) end as min_salary) s
                """;

        private static final String APPLICATIONS = """
                insert into application (id, owner_id, job_id, applied_at, status, created_at, desired_salary, outcome,
                                         outcome_date, outcome_notes)
                select md5(?::text || ':app:' || x.i)::uuid, ?::uuid, md5(?::text || ':job:' || x.i)::uuid,
                       x.applied, x.status, x.applied,
                       case when h(x.i, 'want') % 3 = 0 then null else 100000 + 5000 * (h(x.i, 'want') % 16) end,
                       x.outcome, case when x.outcome is null then null else (x.applied + interval '35 days')::date end,
                       case when x.outcome = 'offer' then 'verbal offer, written to follow' end
                from (select i, applied,
                             case when s < 55 then 'no_response' when s < 70 then 'callback'
                                  when s < 92 then 'rejected' else 'closed' end as status,
                             case when s < 55 or s >= 70 then null
                                  when o < 15 then 'offer' when o < 40 then 'rejected' when o < 55 then 'failed'
                                  when o < 65 then 'ghosted' when o < 70 then 'withdrew' end as outcome
                      from generate_series(1, ?) i
                      cross join lateral (select now() - interval '1 day' - (h(i, 'day') % (730 * 1440)) * interval '1 minute'
                                                 as applied, h(i, 'status') % 100 as s, h(i, 'outcome') % 100 as o) v) x
                """;

        private static final String HISTORY = """
                insert into application_status_history (id, application_id, status, changed_at, owner_id)
                select md5(a.id::text || ':created')::uuid, a.id, 'no_response', a.applied_at, a.owner_id
                from application a where a.owner_id = ?
                union all
                select md5(a.id::text || ':changed')::uuid, a.id, a.status,
                       a.applied_at + (1 + h(a.id::text, 'wait') % (21 * 24)) * interval '1 hour', a.owner_id
                from application a where a.owner_id = ? and a.status <> 'no_response'
                """;

        private static final String INTERVIEWS = """
                insert into interview (id, owner_id, application_id, job_id, stage, format, focus, interviewer_name,
                                       interviewer_title, scheduled_at, notes, cancelled_at, created_at, updated_at)
                select md5(a.id::text || ':interview:' || n)::uuid, a.owner_id, a.id, a.job_id,
                       (array['recruiter_screen', 'hiring_manager_screen', 'technical_screen', 'prep_call', 'final_loop',
                              'team_match'])[n],
                       (array['phone_call', 'virtual_meeting', 'virtual_meeting', 'onsite'])[1 + h(a.id::text || n, 'fmt') % 4],
                       (array['coding', 'system_design', 'behavioral', 'hiring_manager', 'case',
                              'data_pipeline_design'])[1 + h(a.id::text || n, 'focus') % 6],
                       'Interviewer ' || n, 'Engineer', a.applied_at + n * interval '6 days', null,
                       case when h(a.id::text || n, 'cancel') % 10 = 0 then a.applied_at + n * interval '5 days' end,
                       a.applied_at, a.applied_at
                from application a
                cross join lateral generate_series(1, 1 + h(a.id::text, 'stages') % 5) n
                where a.owner_id = ? and a.status = 'callback'
                """;

        static void load(Connection db, UUID owner, int size) throws SQLException {
            try (Statement s = db.createStatement()) {
                s.execute("""
                        create or replace function pg_temp.h(i anyelement, salt text) returns int
                        language sql immutable as $$ select abs(hashtext(i::text || ':' || salt) % 1000000007) $$
                        """);
            }
            String o = owner.toString();
            execute(db, JOBS.replaceAll("\\bh\\(", "pg_temp.h("), o, o, size);
            execute(db, APPLICATIONS.replaceAll("\\bh\\(", "pg_temp.h("), o, o, o, size);
            execute(db, HISTORY.replaceAll("\\bh\\(", "pg_temp.h("), owner, owner);
            execute(db, INTERVIEWS.replaceAll("\\bh\\(", "pg_temp.h("), owner);
        }

        private static void execute(Connection db, String sql, Object... params) throws SQLException {
            try (PreparedStatement s = db.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    s.setObject(i + 1, params[i]);
                }
                s.executeUpdate();
            }
        }
    }
}
