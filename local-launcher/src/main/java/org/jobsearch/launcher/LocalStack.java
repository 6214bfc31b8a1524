package org.jobsearch.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The whole platform on one machine, without Docker: one embedded PostgreSQL server (a database per
 * app, {@code fsync} on, data kept across restarts), a Kafka KRaft broker in a process of its own,
 * and the five apps as separate processes. Ctrl-C stops the apps first, then Kafka, then PostgreSQL.
 *
 * <p>Settings (environment): {@code JOBSEARCH_HOME} (data, default {@code ./.local}),
 * {@code JOBSEARCH_ADMIN_PASSWORD}, {@code JOBSEARCH_PG_PORT} (25432), {@code JOBSEARCH_KAFKA_PORT}
 * (29092, its controller the next port; both below Linux's ephemeral range, which starts at 32768, so an
 * outgoing connection cannot hold them), {@code JOBSEARCH_APP_HEAP} (256m),
 * {@code JOBSEARCH_MESSAGING_RELAY_POLLINTERVAL} (50ms: the services' outbox relays idle at under 3 % of a core each
 * instead of 10 % at the library's 10ms); {@code JOBSEARCH_ATS_*} and {@code JOBSEARCH_DISCOVERY_ATS_*} are
 * passed on to discovery-service.
 */
public final class LocalStack {

    private static final String VERSION = "0.1.0-SNAPSHOT";
    /** The services' relay poll interval (shared-messaging's {@code jobsearch.messaging.relay.poll-interval}). */
    private static final String RELAY_POLL_INTERVAL = "JOBSEARCH_MESSAGING_RELAY_POLLINTERVAL";

    /** name → (port, database): the gateway first in the table, started last. */
    static final Map<String, App> APPS = new LinkedHashMap<>();

    static {
        APPS.put("discovery-service", new App("discovery-service", 8081, "discovery"));
        APPS.put("resume-service", new App("resume-service", 8082, "resume"));
        APPS.put("tracker-service", new App("tracker-service", 8083, "tracker"));
        APPS.put("interview-prep-service", new App("interview-prep-service", 8084, "prep"));
        APPS.put("gateway", new App("gateway", 8080, "gateway"));
    }

    record App(String name, int port, String database) {
    }

    private final Path root;
    private final Path home;
    private final Path logs;
    private final int pgPort;
    private final int kafkaPort;
    private final int portOffset;
    private final String heap;
    private final String relayPollInterval;
    private final String adminPassword;
    /** Operator settings of discovery's ATS clients found in the launcher's environment, passed on unchanged. */
    private final Map<String, String> atsSettings;
    private final List<Process> apps = new ArrayList<>();
    private EmbeddedPostgres postgres;
    private Process kafka;
    private volatile boolean stopping;
    /** The gateway's database was created by this run, so the admin account is created now. */
    private boolean firstStart;

    public LocalStack(Path root, Map<String, String> env) {
        this.root = root;
        this.home = Path.of(env.getOrDefault("JOBSEARCH_HOME", root.resolve(".local").toString())).toAbsolutePath();
        this.logs = home.resolve("logs");
        this.pgPort = Integer.parseInt(env.getOrDefault("JOBSEARCH_PG_PORT", "25432"));
        this.kafkaPort = Integer.parseInt(env.getOrDefault("JOBSEARCH_KAFKA_PORT", "29092"));
        this.heap = env.getOrDefault("JOBSEARCH_APP_HEAP", "256m");
        this.relayPollInterval = env.getOrDefault(RELAY_POLL_INTERVAL, "50ms");
        // lets a test stack run beside a developer's own (ports 8080-8084 become 8080+offset...)
        this.portOffset = Integer.parseInt(env.getOrDefault("JOBSEARCH_PORT_OFFSET", "0"));
        this.adminPassword = env.get("JOBSEARCH_ADMIN_PASSWORD");
        this.atsSettings = atsSettings(env);
    }

    /**
     * {@code JOBSEARCH_ATS_*} (extra allowed hosts, timeouts, pause, retries) and
     * {@code JOBSEARCH_DISCOVERY_ATS_*} (base URLs per platform): an operator's mirror, or a test's fake ATS
     * board, reaches discovery-service only through them (docs/services/discovery-service.md, "ATS clients").
     */
    static Map<String, String> atsSettings(Map<String, String> env) {
        Map<String, String> settings = new HashMap<>();
        env.forEach((name, value) -> {
            if (value != null && (name.startsWith("JOBSEARCH_ATS_") || name.startsWith("JOBSEARCH_DISCOVERY_ATS_"))) {
                settings.put(name, value);
            }
        });
        return Map.copyOf(settings);
    }

    /** The gateway's URL, where users and scripts reach the platform. */
    public String url() {
        return "http://localhost:" + port(APPS.get("gateway"));
    }

    int port(App app) {
        return app.port() + portOffset;
    }

    public static void main(String[] args) throws Exception {
        LocalStack stack = new LocalStack(Path.of("").toAbsolutePath(), System.getenv());
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-stop"));
        stack.start();
        stack.superviseUntilStopped();
    }

    public void start() throws Exception {
        long begin = System.nanoTime();
        Files.createDirectories(logs);
        for (App app : APPS.values()) {
            Path jar = jar(app);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: build with ./mvnw -B install -DskipTests (./run-local does)");
            }
        }
        Secrets secrets = Secrets.load(home.resolve("secrets.properties"));
        say("Data in %s (logs in %s)", home, logs);
        startPostgres(secrets);
        startKafka();
        // services first (each migrates its own database), then the gateway in front of them
        for (App app : APPS.values()) {
            apps.add(startApp(app, secrets));
        }
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        int i = 0;
        for (App app : APPS.values()) {
            Process process = apps.get(i++);
            ready.add(CompletableFuture.runAsync(() -> awaitReady(app, process)));
        }
        CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
        say("");
        say("Job Search platform is up after %d s: %s",
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - begin), url());
        say("Log in as 'admin' with %s", loginHint());
        say("Data stays in %s between runs; Ctrl-C stops everything.", home);
    }

    private String loginHint() {
        if (!firstStart) {
            return "the password you chose (JOBSEARCH_ADMIN_PASSWORD on the first start) or the one generated then";
        }
        if (adminPassword != null) {
            return "the password in JOBSEARCH_ADMIN_PASSWORD";
        }
        // shown on the first start only, like the gateway itself does
        try (Stream<String> lines = Files.lines(logs.resolve("gateway.log"))) {
            return lines.filter(l -> l.contains("with a generated password:"))
                    .reduce((first, last) -> last)
                    .map(l -> "the password the gateway generated (shown this once; keep it):\n  "
                            + l.substring(l.indexOf("generated password:") + "generated password:".length()).trim())
                    .orElse("the password the gateway generated; see " + logs.resolve("gateway.log"));
        } catch (IOException e) {
            return "the password the gateway generated; see " + logs.resolve("gateway.log");
        }
    }

    private void startPostgres(Secrets secrets) throws IOException, SQLException {
        Path data = home.resolve("postgres");
        Files.createDirectories(data);
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(home.resolve("pg-binaries").toFile())
                .setPort(pgPort)
                .setServerConfig("wal_level", "logical")
                .setServerConfig("max_wal_senders", "10")
                .setServerConfig("max_replication_slots", "10")
                .setServerConfig("max_connections", "200")
                // people's data lives here: durable commits (zonky's test defaults turn both off)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logs.resolve("postgres.log").toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logs.resolve("postgres.log").toFile()))
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/postgres", "postgres", "")) {
            if (!exists(c, "select 1 from pg_roles where rolname = 'jobsearch'")) {
                try (Statement s = c.createStatement()) {
                    // REPLICATION: each service's outbox relay reads its own replication slot
                    s.execute("create role jobsearch login replication password '" + secrets.dbPassword() + "'");
                }
            }
            for (App app : APPS.values()) {
                if (!exists(c, "select 1 from pg_database where datname = '" + app.database() + "'")) {
                    firstStart |= "gateway".equals(app.name());
                    try (Statement s = c.createStatement()) {
                        s.execute("create database " + app.database() + " owner jobsearch");
                    }
                }
            }
        }
        say("PostgreSQL on port %d (databases %s)", pgPort, APPS.values().stream().map(App::database).toList());
    }

    private static boolean exists(Connection c, String query) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(query); ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    private void startKafka() throws IOException, InterruptedException {
        Path data = home.resolve("kafka");
        Files.createDirectories(data);
        int controllerPort = kafkaPort + 1;
        Path config = home.resolve("kafka-server.properties");
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + kafkaPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + kafkaPort);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", data.toString());
        p.setProperty("num.partitions", "3");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // every listener commits its offsets after each poll, and each commit waited for the group coordinator's
        // 5 ms write batch (Kafka's default), which buys nothing at a job seeker's event volume (docs/messaging.md)
        p.setProperty("group.coordinator.append.linger.ms", "0");
        try (OutputStream out = Files.newOutputStream(config)) {
            p.store(out, "written by the local launcher on every start");
        }
        Path log4j = home.resolve("kafka-log4j2.properties");
        Files.writeString(log4j, """
                rootLogger.level = INFO
                rootLogger.appenderRef.file.ref = file
                appender.file.type = File
                appender.file.name = file
                appender.file.fileName = %s
                appender.file.layout.type = PatternLayout
                appender.file.layout.pattern = [%%d] %%p %%m (%%c)%%n
                logger.kafka.name = kafka
                logger.kafka.level = WARN
                logger.apache.name = org.apache.kafka
                logger.apache.level = WARN
                logger.started.name = kafka.server.KafkaRaftServer
                logger.started.level = INFO
                """.formatted(logs.resolve("kafka.log")));
        if (!Files.exists(data.resolve("meta.properties"))) {
            Process format = java("kafka-format", List.of("-Xmx256m", "-Dlog4j2.configurationFile=" + log4j),
                    "kafka.tools.StorageTool", List.of("format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()),
                    Map.of(), logs.resolve("kafka.log"));
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException("formatting Kafka's storage failed; see " + logs.resolve("kafka.log"));
            }
        }
        kafka = java("kafka", List.of("-Xmx512m", "-Xms256m", "-XX:+UseSerialGC", "-Dlog4j2.configurationFile=" + log4j),
                "kafka.Kafka", List.of(config.toString()), Map.of(), logs.resolve("kafka.log"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!portOpen(kafkaPort)) {
            if (!kafka.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka did not start; see " + logs.resolve("kafka.log"));
            }
            Thread.sleep(200);
        }
        say("Kafka (KRaft) on 127.0.0.1:%d", kafkaPort);
    }

    private Process startApp(App app, Secrets secrets) throws IOException {
        Process process = java(app.name(), List.of("-Xmx" + heap, "-Xss512k", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-XX:MaxMetaspaceSize=256m", "-XX:ReservedCodeCacheSize=64m"),
                "-jar", List.of(jar(app).toString()), appEnvironment(app, secrets), logs.resolve(app.name() + ".log"));
        say("Starting %s on port %d", app.name(), port(app));
        return process;
    }

    /** What the launcher sets for an app, on top of its own environment (which the app inherits). */
    Map<String, String> appEnvironment(App app, Secrets secrets) {
        Map<String, String> env = new HashMap<>();
        if (!"gateway".equals(app.name())) {
            // an idle relay costs about 1/(interval + 1 ms) of a core in Debezium's queue: 10 % per service at the
            // library's 10 ms, under 3 % at 50 ms, for events that reach their consumers up to 50 ms later
            env.put(RELAY_POLL_INTERVAL, relayPollInterval);
        }
        env.put("SERVER_PORT", String.valueOf(port(app)));
        if (adminPassword != null) {
            env.put("JOBSEARCH_ADMIN_PASSWORD", adminPassword);
        }
        env.put("JOBSEARCH_DB_URL", "jdbc:postgresql://localhost:" + pgPort + "/" + app.database());
        env.put("JOBSEARCH_DB_USER", "jobsearch");
        env.put("JOBSEARCH_DB_PASSWORD", secrets.dbPassword());
        env.put("JOBSEARCH_KAFKA_BOOTSTRAP", "127.0.0.1:" + kafkaPort);
        env.put("JOBSEARCH_IDENTITY_SIGNING_KEY", secrets.signingKey());
        // one person's traffic: a few connections per app keep PostgreSQL small on a laptop
        env.put("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE", "4");
        if ("discovery-service".equals(app.name())) {
            env.putAll(atsSettings);
            // a sync stores up to 2 pages at once; 4 more connections stay for REST, the inbox and the scheduler
            env.put("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE", "6");
            env.put("JOBSEARCH_SYNC_STORE_CONCURRENCY", "2");
        }
        for (App other : APPS.values()) {
            env.put("JOBSEARCH_" + switch (other.name()) {
                case "discovery-service" -> "DISCOVERY";
                case "resume-service" -> "RESUME";
                case "tracker-service" -> "TRACKER";
                case "interview-prep-service" -> "PREP";
                default -> "GATEWAY";
            } + "_URL", "http://localhost:" + port(other));
        }
        return env;
    }

    private void awaitReady(App app, Process process) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(app.name() + " exited during start-up; see " + logs.resolve(app.name() + ".log"));
            }
            if (ready(port(app))) {
                say("%s is ready", app.name());
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException(app.name() + " was not ready within 240 s; see " + logs.resolve(app.name() + ".log"));
    }

    private static boolean ready(int port) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://localhost:" + port + "/actuator/health/readiness")
                    .toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(2000);
            try (InputStream in = c.getResponseCode() == 200 ? c.getInputStream() : c.getErrorStream()) {
                return c.getResponseCode() == 200 && in != null && new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("UP");
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean portOpen(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Process java(String name, List<String> jvmOptions, String mainOrJar, List<String> args,
                         Map<String, String> env, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        // its own session: Ctrl-C reaches only this launcher, which stops the processes in order
        command.add("setsid");
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        if ("-jar".equals(mainOrJar)) {
            command.add("-jar");
        } else {
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(mainOrJar);
        }
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        Files.writeString(log, "---- " + name + " started by the local launcher at " + java.time.Instant.now() + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return builder.start();
    }

    private Path jar(App app) {
        return root.resolve(app.name()).resolve("target").resolve(app.name() + "-" + VERSION + ".jar");
    }

    /** Waits until Ctrl-C, or until an app dies: then stops everything and exits non-zero. */
    private void superviseUntilStopped() throws InterruptedException {
        while (!stopping) {
            int i = 0;
            for (App app : APPS.values()) {
                Process process = apps.get(i++);
                if (!process.isAlive() && !stopping) {
                    say("%s stopped unexpectedly (exit %d); see %s", app.name(), process.exitValue(), logs.resolve(app.name() + ".log"));
                    System.exit(1);
                }
            }
            if (kafka != null && !kafka.isAlive() && !stopping) {
                say("Kafka stopped unexpectedly; see %s", logs.resolve("kafka.log"));
                System.exit(1);
            }
            Thread.sleep(1000);
        }
    }

    public synchronized void stop() {
        if (stopping && apps.isEmpty() && kafka == null && postgres == null) {
            return;
        }
        stopping = true;
        say("Stopping: apps, then Kafka, then PostgreSQL");
        for (int i = apps.size() - 1; i >= 0; i--) {
            apps.get(i).destroy();
        }
        for (Process app : apps) {
            awaitExit(app, 40);
        }
        apps.clear();
        if (kafka != null) {
            kafka.destroy();
            awaitExit(kafka, 40);
            kafka = null;
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                say("PostgreSQL did not stop cleanly: %s", e.getMessage());
            }
            postgres = null;
        }
        say("Stopped. Data kept in %s", home);
    }

    private static void awaitExit(Process process, int seconds) {
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void say(String format, Object... args) {
        System.out.println("[local] " + String.format(format, args));
    }

    /** The database password and the identity signing key, made on the first start and kept (mode 600). */
    record Secrets(String dbPassword, String signingKey) {

        static Secrets load(Path file) {
            try {
                Properties p = new Properties();
                if (Files.exists(file)) {
                    try (InputStream in = Files.newInputStream(file)) {
                        p.load(in);
                    }
                } else {
                    SecureRandom random = new SecureRandom();
                    p.setProperty("db.password", token(random, 24));
                    p.setProperty("identity.signing-key", token(random, 48));
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    try (OutputStream out = Files.newOutputStream(file)) {
                        p.store(out, "generated by the local launcher; delete to rotate (the gateway's sessions end)");
                    }
                }
                return new Secrets(p.getProperty("db.password"), p.getProperty("identity.signing-key"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read or create " + file, e);
            }
        }

        private static String token(SecureRandom random, int bytes) {
            byte[] b = new byte[bytes];
            random.nextBytes(b);
            return Base64.getEncoder().encodeToString(b);
        }
    }
}
