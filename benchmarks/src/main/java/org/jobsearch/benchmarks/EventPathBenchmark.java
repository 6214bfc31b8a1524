package org.jobsearch.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.validation.Validation;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.jobsearch.events.EventHeaders;
import org.jobsearch.messaging.inbox.EventEnvelope;
import org.jobsearch.messaging.inbox.EventHandler;
import org.jobsearch.messaging.inbox.InboxDispatcher;
import org.jobsearch.messaging.inbox.InboxStats;
import org.jobsearch.messaging.relay.OutboxRelay;
import org.jobsearch.messaging.relay.RelayListener;
import org.jobsearch.messaging.relay.RelaySettings;
import org.jobsearch.testkit.PostgresServer;
import org.jobsearch.testkit.SharedInfrastructure;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The event path, commit → consumer effect, against two baselines run in the same process on the
 * same PostgreSQL and Kafka:
 * <ul>
 *     <li><b>outbox</b>: business row + outbox row in one transaction → Debezium relay → Kafka →
 *     inbox (processed_event + effect row per event, one transaction per poll, as the services' InboxListeners);</li>
 *     <li><b>plain</b>: a KafkaTemplate-style send straight to Kafka → the same inbox and effect;</li>
 *     <li><b>bare relay</b>: business row + outbox row → relay → Kafka, read by a consumer that does nothing.</li>
 * </ul>
 * Latency p50/p99 at offered loads of 100 and 500 events/s (single-event transactions from 4
 * writer threads); throughput = the highest offered rate held for the hold time with the consumer's
 * backlog not growing. Options (system properties): {@code bench.hold} (default 60s),
 * {@code bench.latencyRun} (30s), {@code bench.rates} (comma list for the throughput search),
 * {@code bench.quick=true} (10 s runs and steps of 1,000 ev/s); to compare relay settings,
 * {@code bench.pollInterval}, {@code bench.offsetFlushInterval} (e.g. {@code 10ms}, {@code 0s}),
 * {@code bench.maxBatchSize} (Debezium's {@code max.batch.size}; 2048, Debezium's default, was the relay's
 * setting before the pipelined relay) and {@code bench.relayLinger} (ms), and {@code bench.inboxPerRecord=true} for the inbox's former
 * transaction per event; {@code bench.paths} (e.g. {@code outbox,plain}) to run only some paths. Each path is
 * warmed up until the JIT is nearly idle before it is measured. The relay paths also print where their time went: commit → relay,
 * received → acked (publish + ack), acked → consumer effect, acked → confirmed to Debezium (the relay
 * confirms acknowledged records in order with its next batch), and the confirmation (offset commit) itself.
 */
public final class EventPathBenchmark {

    private static final int WRITERS = 4;
    /** In {@code startedAt}: the consumer saw the event before its writer stamped the commit. */
    private static final long ARRIVED_FIRST = Long.MIN_VALUE;
    private static final String TYPE = "BenchEvent.v1";

    private final PostgresServer postgres = SharedInfrastructure.postgres();
    private final String bootstrap = SharedInfrastructure.kafka().bootstrapServers();
    private final Map<String, Object> producerSettings = Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);

    /** The relay's Debezium timings and producer linger: the library's defaults unless overridden to compare. */
    private final Duration pollInterval = duration("bench.pollInterval", RelaySettings.DEFAULT_POLL_INTERVAL);
    private final Duration offsetFlushInterval = duration("bench.offsetFlushInterval",
            RelaySettings.DEFAULT_OFFSET_FLUSH_INTERVAL);
    /** Debezium's max.batch.size on the relay paths: the library's default unless overridden to compare. */
    private final int maxBatchSize = Integer.getInteger("bench.maxBatchSize", RelaySettings.DEFAULT_MAX_BATCH_SIZE);
    private final Map<String, Object> relayProducerSettings = relayProducer();
    /** The inbox as before issue 10, one transaction per event, to compare. */
    private final boolean inboxPerRecord = Boolean.getBoolean("bench.inboxPerRecord");

    public static void main(String[] args) throws Exception {
        boolean quick = Boolean.getBoolean("bench.quick");
        Duration hold = duration("bench.hold", Duration.ofSeconds(quick ? 10 : 60));
        Duration latencyRun = duration("bench.latencyRun", Duration.ofSeconds(quick ? 10 : 30));
        int[] rates = Arrays.stream(System.getProperty("bench.rates", quick ? "1000,2000,3000,4000"
                        : "1000,1500,2000,2500,3000,3500,4000").split(","))
                .map(String::trim).filter(r -> !r.isEmpty()).mapToInt(Integer::parseInt).toArray();
        int exit = 0;
        try {
            new EventPathBenchmark().run(hold, latencyRun, rates);
        } catch (Exception | Error e) {
            // exit anyway: the in-JVM Kafka's threads would otherwise keep exec:java waiting without a word
            e.printStackTrace();
            exit = 1;
        }
        System.exit(exit);
    }

    /** A duration as Spring properties write them ({@code 10ms}, {@code 20s}) or ISO-8601 ({@code PT20S}). */
    private static Duration duration(String property, Duration fallback) {
        String value = System.getProperty(property);
        return value == null ? fallback : DurationStyle.detectAndParse(value);
    }

    private Map<String, Object> relayProducer() {
        Map<String, Object> config = new java.util.HashMap<>(OutboxRelay.producerConfig(producerSettings));
        String linger = System.getProperty("bench.relayLinger");
        if (linger != null) {
            config.put(ProducerConfig.LINGER_MS_CONFIG, Integer.parseInt(linger));
        }
        return Map.copyOf(config);
    }

    enum Path { OUTBOX, PLAIN, BARE_RELAY }

    /** The paths to run ({@code bench.paths}, e.g. {@code outbox,plain}): all three unless narrowed to look at one. */
    private final List<Path> paths = Arrays.stream(System.getProperty("bench.paths", "outbox,plain,bare_relay").split(","))
            .map(name -> Path.valueOf(name.trim().toUpperCase(Locale.ROOT))).toList();

    void run(Duration hold, Duration latencyRun, int[] rates) throws Exception {
        System.out.println("== Event path benchmark (" + Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ") ==");
        System.out.println("Producer settings on every path: Kafka client defaults plus " + producerSettings.entrySet().stream()
                .filter(e -> !e.getKey().contains("serializer") && !e.getKey().contains("bootstrap")).toList()
                + "; consumer: Kafka client defaults, auto.offset.reset=earliest, enable.auto.commit=false");
        System.out.println("Relay (outbox and bare relay): poll.interval.ms=" + pollInterval.toMillis()
                + ", offset.flush.interval.ms=" + offsetFlushInterval.toMillis() + ", max.batch.size="
                + maxBatchSize + ", relay producer linger.ms="
                + relayProducerSettings.get(ProducerConfig.LINGER_MS_CONFIG) + " (OutboxRelay.producerConfig)");
        System.out.println("Inbox (outbox and plain): " + (inboxPerRecord ? "one transaction per event (bench.inboxPerRecord)"
                : "one transaction per poll (InboxDispatcher.dispatchAll, as InboxListeners)"));
        System.out.println("Writers: " + WRITERS + " threads, one event per transaction; PostgreSQL 18 (embedded, synchronous_commit=on), "
                + "one KRaft broker in this JVM (group.coordinator.append.linger.ms=0, as every broker the platform starts); "
                + "each path warmed up until the JIT is nearly idle; latency runs " + latencyRun.toSeconds() + " s, throughput steps held "
                + hold.toSeconds() + " s");
        Map<Path, Map<Integer, Stats>> latency = new TreeMap<>();
        Map<Path, Integer> throughput = new TreeMap<>();
        for (Path path : paths) {
            try (Rig rig = new Rig(path)) {
                rig.warmUp();
                Map<Integer, Stats> byRate = new TreeMap<>();
                for (int rate : new int[]{100, 500}) {
                    Stats stats = rig.offer(rate, latencyRun);
                    byRate.put(rate, stats);
                    System.out.printf("%-10s %4d ev/s: p50 %7.1f ms  p99 %7.1f ms  (%d events, achieved %.0f ev/s)%n",
                            path, rate, stats.p50(), stats.p99(), stats.count, stats.achievedRate);
                    if (stats.stages != null) {
                        System.out.println("           stages " + stats.stages);
                    }
                }
                latency.put(path, byRate);
                int held = 0;
                for (int rate : rates) {
                    Stats stats = rig.offer(rate, hold);
                    boolean ok = stats.held(rate);
                    System.out.printf("%-10s %4d ev/s for %d s: achieved %.0f ev/s, backlog %d → %d: %s%n", path, rate,
                            hold.toSeconds(), stats.achievedRate, stats.backlogMid, stats.backlogEnd, ok ? "held" : "not held");
                    if (!ok) {
                        break;
                    }
                    held = rate;
                }
                throughput.put(path, held);
            }
        }
        if (paths.size() < Path.values().length) {
            return; // no ratios without their baselines
        }
        System.out.println();
        System.out.println("== Results ==");
        for (int rate : new int[]{100, 500}) {
            Stats outbox = latency.get(Path.OUTBOX).get(rate);
            Stats plain = latency.get(Path.PLAIN).get(rate);
            System.out.printf("p99 at %d ev/s: outbox %.1f ms vs plain KafkaTemplate→listener %.1f ms = %.2fx (target ≤ 2x)%n",
                    rate, outbox.p99(), plain.p99(), outbox.p99() / plain.p99());
            System.out.printf("p50 at %d ev/s: outbox %.1f ms vs plain %.1f ms = %.2fx; bare relay p50 %.1f ms%n", rate,
                    outbox.p50(), plain.p50(), outbox.p50() / plain.p50(), latency.get(Path.BARE_RELAY).get(rate).p50());
        }
        if (rates.length == 0) {
            return;
        }
        System.out.printf("Max sustained throughput: outbox %d ev/s vs bare relay %d ev/s = %.2fx (target ≥ 0.7x); plain %d ev/s "
                        + "(steps tried: %s; the highest step limits every path)%n",
                throughput.get(Path.OUTBOX), throughput.get(Path.BARE_RELAY),
                throughput.get(Path.BARE_RELAY) == 0 ? 0 : (double) throughput.get(Path.OUTBOX) / throughput.get(Path.BARE_RELAY),
                throughput.get(Path.PLAIN), Arrays.toString(rates));
    }

    /** One path's writers, transport and consumer, on a database and topic of its own. */
    private final class Rig implements AutoCloseable {
        final Path path;
        final String database;
        final String topic;
        final HikariDataSource dataSource;
        final JdbcTemplate jdbc;
        final TransactionTemplate transactions;
        final Map<UUID, Long> startedAt = new ConcurrentHashMap<>();
        /**
         * Relay paths: events that reached the consumer before their writer had stamped the commit (the writer
         * thread not yet rescheduled after the commit returned); counted as completed, not timed.
         */
        final AtomicLong untimed = new AtomicLong();
        /** Per event on the relay paths: commit, relay received, Kafka acked, consumer effect, confirmed to Debezium ({@code System.nanoTime}). */
        final Map<UUID, long[]> stamps = new ConcurrentHashMap<>();
        final List<long[]> batches = java.util.Collections.synchronizedList(new ArrayList<>());
        /** Per consumer poll with records: records, inbox transaction (nanos), offset commit (nanos). */
        final List<long[]> consumerCycles = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicLong written = new AtomicLong();
        final AtomicLong completed = new AtomicLong();
        final List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicBoolean consuming = new AtomicBoolean(true);
        final Thread consumer;
        OutboxRelay relay;
        KafkaProducer<String, byte[]> producer;

        Rig(Path path) throws InterruptedException {
            this.path = path;
            database = postgres.createDatabase("bench_" + path.name().toLowerCase());
            String aggregate = database.replace('_', 'x');
            topic = aggregate + ".events";
            Flyway.configure().dataSource(postgres.jdbcUrl(database), postgres.username(), postgres.password())
                    .locations("classpath:db/messaging", "classpath:db/benchmark")
                    .placeholders(Map.of("slot_name", database + "_outbox", "publication_name", "outbox_publication"))
                    .load().migrate();
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(postgres.jdbcUrl(database));
            config.setUsername(postgres.username());
            config.setPassword(postgres.password());
            config.setMaximumPoolSize(WRITERS + 4);
            dataSource = new HikariDataSource(config);
            jdbc = new JdbcTemplate(dataSource);
            transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            if (path == Path.PLAIN) {
                producer = new KafkaProducer<>(producerSettings);
            } else {
                relay = new OutboxRelay(RelaySettings.withDefaults(postgres.jdbcUrl(database), postgres.username(),
                        postgres.password(), database, database + "_outbox").withTimings(pollInterval, offsetFlushInterval)
                        .withMaxBatchSize(maxBatchSize),
                        () -> new KafkaProducer<>(relayProducerSettings), new RelayListener() {
                            @Override
                            public void batchTimed(BatchTiming timing) {
                                batches.add(new long[]{timing.records(), timing.events().size(), 0,
                                        timing.confirmedAt() - timing.confirmStartedAt()});
                                for (EventTiming event : timing.events()) {
                                    long[] stamp = stamps.get(UUID.fromString(event.eventId()));
                                    if (stamp != null) {
                                        stamp[1] = event.receivedAt();
                                        stamp[2] = event.ackedAt();
                                        stamp[4] = timing.confirmedAt();
                                    }
                                }
                            }
                        });
                relay.start();
            }
            consumer = new Thread(this::consume, "bench-consumer-" + path);
            consumer.start();
        }

        private void consume() {
            InboxDispatcher inbox = path == Path.BARE_RELAY ? null : new InboxDispatcher(
                    List.of(new EffectHandler(topic, jdbc)), JsonMapper.builder().build(),
                    Validation.buildDefaultValidatorFactory().getValidator(), jdbc, transactions, new InboxStats(null));
            try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, "bench-" + database,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
                kafka.subscribe(List.of(topic));
                while (consuming.get()) {
                    var records = kafka.poll(Duration.ofMillis(50));
                    long polled = System.nanoTime();
                    if (inbox != null && !records.isEmpty()) {
                        if (inboxPerRecord) {
                            records.forEach(inbox::dispatch);
                        } else {
                            // as the services' InboxListeners: the poll's records in one inbox transaction
                            List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> batch =
                                    new ArrayList<>(records.count());
                            records.forEach(batch::add);
                            inbox.dispatchAll(batch);
                        }
                    }
                    for (var record : records) {
                        UUID id = UUID.fromString(new String(record.headers().lastHeader(EventHeaders.CE_ID).value(), StandardCharsets.UTF_8));
                        long[] found = {ARRIVED_FIRST};
                        startedAt.compute(id, (key, value) -> {
                            if (value == null || value == ARRIVED_FIRST) {
                                // before the writer's stamp (or a replayed duplicate after it: never completed)
                                return ARRIVED_FIRST;
                            }
                            found[0] = value;
                            return null;
                        });
                        Long start = found[0] == ARRIVED_FIRST ? null : found[0];
                        if (start != null) {
                            long now = System.nanoTime();
                            latencies.add(now - start);
                            long[] stamp = stamps.get(id);
                            if (stamp != null) {
                                stamp[3] = now;
                            }
                            completed.incrementAndGet();
                        }
                    }
                    if (!records.isEmpty()) {
                        long handled = System.nanoTime();
                        kafka.commitSync();
                        consumerCycles.add(new long[]{records.count(), handled - polled, System.nanoTime() - handled});
                    }
                }
            }
        }

        /**
         * Runs 5 s rounds at 300 ev/s until the JIT compilers are nearly idle (under 250 ms of compilation in a
         * round, at most a minute): the paths share the broker's and the clients' code, so without this the first
         * path measured would pay for compiling what the later ones find compiled.
         */
        void warmUp() throws InterruptedException {
            CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            int rounds = 0;
            long compiling;
            do {
                long before = jit.getTotalCompilationTime();
                offer(300, Duration.ofSeconds(5));
                compiling = jit.getTotalCompilationTime() - before;
                rounds++;
            } while (compiling > 250 && System.nanoTime() < deadline);
            System.out.printf("%-10s warm-up: %d × 5 s at 300 ev/s, %d ms of JIT compilation in the last round%n",
                    path, rounds, compiling);
        }

        /** Offers {@code rate} events/s for {@code duration} from 4 paced writers, then waits for the tail. */
        Stats offer(int rate, Duration duration) throws InterruptedException {
            latencies.clear();
            stamps.clear();
            untimed.set(0);
            batches.clear();
            consumerCycles.clear();
            long writtenBefore = written.get();
            long intervalNanos = TimeUnit.SECONDS.toNanos(1) * WRITERS / rate;
            long begin = System.nanoTime();
            long end = begin + duration.toNanos();
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            CountDownLatch done = new CountDownLatch(WRITERS);
            long[] backlog = new long[2];
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.submit(() -> {
                    long next = begin + intervalNanos * writer / WRITERS;
                    int seq = 0;
                    try {
                        while (next < end) {
                            long wait = next - System.nanoTime();
                            if (wait > 0) {
                                TimeUnit.NANOSECONDS.sleep(wait);
                            }
                            write("w" + writer + "-" + (seq++ % 16));
                            next += intervalNanos;
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        done.countDown();
                    }
                });
            }
            long mid = begin + duration.toNanos() / 2;
            TimeUnit.NANOSECONDS.sleep(Math.max(0, mid - System.nanoTime()));
            backlog[0] = written.get() - completed.get();
            done.await();
            long elapsed = System.nanoTime() - begin;
            backlog[1] = written.get() - completed.get();
            writers.shutdown();
            long offered = written.get() - writtenBefore;
            long tailDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (completed.get() < written.get() && System.nanoTime() < tailDeadline) {
                Thread.sleep(20);
            }
            List<Long> copy;
            synchronized (latencies) {
                copy = new ArrayList<>(latencies);
            }
            return new Stats(copy, offered, offered * 1e9 / elapsed, backlog[0], backlog[1], stages());
        }

        private void write(String aggregate) {
            UUID id = UUID.randomUUID();
            byte[] payload = ("{\"eventId\":\"" + id + "\",\"aggregate\":\"" + aggregate + "\"}").getBytes(StandardCharsets.UTF_8);
            if (path == Path.PLAIN) {
                RecordHeaders headers = new RecordHeaders();
                headers.add(EventHeaders.CE_ID, id.toString().getBytes(StandardCharsets.UTF_8));
                headers.add(EventHeaders.CE_TYPE, TYPE.getBytes(StandardCharsets.UTF_8));
                startedAt.put(id, System.nanoTime());
                written.incrementAndGet();
                producer.send(new ProducerRecord<>(topic, null, aggregate, payload, headers));
                return;
            }
            transactions.executeWithoutResult(status -> {
                jdbc.update("insert into bench_order (id, aggregate) values (?, ?)", id, aggregate);
                jdbc.update("""
                        insert into outbox (id, aggregatetype, aggregateid, type, payload, source, occurred_at)
                        values (?, ?, ?, ?, cast(? as jsonb), 'benchmark', now())""",
                        id, topic.substring(0, topic.length() - ".events".length()), aggregate, TYPE,
                        new String(payload, StandardCharsets.UTF_8));
            });
            // the clock starts at commit, as for a service whose transaction just returned
            long committed = System.nanoTime();
            stamps.put(id, new long[]{committed, 0, 0, 0, 0});
            written.incrementAndGet();
            // the consumer may have had the event before this thread ran again after the commit
            if (startedAt.compute(id, (key, value) -> value == null ? committed : null) == null) {
                untimed.incrementAndGet();
                completed.incrementAndGet();
            }
        }

        /** Where the relay paths' time went, from the per-event stamps and the relay's batch timings. */
        private String stages() {
            List<long[]> cycles;
            synchronized (consumerCycles) {
                cycles = new ArrayList<>(consumerCycles);
            }
            String consumer = String.format("consumer per poll with records (p50/p99 ms): %s, offset commit %s; "
                            + "%.1f records per poll (%d polls)",
                    path == Path.BARE_RELAY ? "no inbox" : "inbox transaction " + Stats.describe(cycles.stream().map(c -> c[1]).toList()),
                    Stats.describe(cycles.stream().map(c -> c[2]).toList()),
                    cycles.isEmpty() ? 0 : cycles.stream().mapToLong(c -> c[0]).sum() / (double) cycles.size(), cycles.size());
            return path == Path.PLAIN ? consumer : relayStages() + "\n           " + consumer;
        }

        private String relayStages() {
            List<Long> toRelay = new ArrayList<>();
            List<Long> publish = new ArrayList<>();
            List<Long> toEffect = new ArrayList<>();
            List<Long> toConfirmed = new ArrayList<>();
            for (long[] stamp : stamps.values()) {
                if (stamp[1] != 0 && stamp[3] != 0) {
                    toRelay.add(stamp[1] - stamp[0]);
                    publish.add(stamp[2] - stamp[1]);
                    toEffect.add(stamp[3] - stamp[2]);
                    toConfirmed.add(stamp[4] - stamp[2]);
                }
            }
            List<long[]> batchCopy;
            synchronized (batches) {
                batchCopy = new ArrayList<>(batches);
            }
            List<Long> confirm = batchCopy.stream().map(b -> b[3]).toList();
            double events = batchCopy.stream().mapToLong(b -> b[1]).sum();
            long eventBatches = batchCopy.stream().filter(b -> b[1] > 0).count();
            return String.format("(p50/p99 ms) commit→relay %s, received→acked %s, acked→%s %s, acked→confirmed %s; "
                            + "confirm to Debezium (offset commit when due) %s per confirmation; %.1f events per "
                            + "confirmation (%d confirmations); %d events reached the consumer before their writer "
                            + "stamped the commit (counted, not timed)",
                    Stats.describe(toRelay), Stats.describe(publish), path == Path.BARE_RELAY ? "consumer" : "inbox effect",
                    Stats.describe(toEffect), Stats.describe(toConfirmed), Stats.describe(confirm),
                    eventBatches == 0 ? 0 : events / eventBatches, eventBatches, untimed.get());
        }

        @Override
        public void close() throws InterruptedException {
            consuming.set(false);
            consumer.join(10_000);
            if (relay != null) {
                relay.close();
            }
            if (producer != null) {
                producer.close();
            }
            dataSource.close();
        }
    }

    /** The idempotent effect every consuming path performs. */
    record BenchEvent(UUID eventId, String aggregate) {
    }

    private static final class EffectHandler implements EventHandler<BenchEvent> {
        private final String topic;
        private final JdbcTemplate jdbc;

        EffectHandler(String topic, JdbcTemplate jdbc) {
            this.topic = topic;
            this.jdbc = jdbc;
        }

        @Override
        public String topic() {
            return topic;
        }

        @Override
        public String eventType() {
            return TYPE;
        }

        @Override
        public Class<BenchEvent> payloadType() {
            return BenchEvent.class;
        }

        @Override
        public void handle(BenchEvent event, EventEnvelope envelope) {
            jdbc.update("insert into bench_effect (event_id, aggregate) values (?, ?)", event.eventId(), event.aggregate());
        }
    }

    private static final class Stats {
        final long[] sortedNanos;
        final long count;
        final double achievedRate;
        final long backlogMid;
        final long backlogEnd;
        final String stages;

        Stats(List<Long> latencies, long count, double achievedRate, long backlogMid, long backlogEnd, String stages) {
            this.sortedNanos = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            this.count = count;
            this.achievedRate = achievedRate;
            this.backlogMid = backlogMid;
            this.backlogEnd = backlogEnd;
            this.stages = stages;
        }

        static String describe(List<Long> nanos) {
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            if (sorted.length == 0) {
                return "-";
            }
            return String.format("%.1f/%.1f", sorted[(int) Math.ceil(0.50 * sorted.length) - 1] / 1e6,
                    sorted[(int) Math.ceil(0.99 * sorted.length) - 1] / 1e6);
        }

        double percentile(double p) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p * sortedNanos.length) - 1);
            return sortedNanos[Math.max(0, index)] / 1e6;
        }

        double p50() {
            return percentile(0.50);
        }

        double p99() {
            return percentile(0.99);
        }

        /** Writers kept the offered pace and the consumer's backlog did not grow from mid-run to the end. */
        boolean held(int rate) {
            return achievedRate >= 0.95 * rate && backlogEnd <= Math.max(backlogMid, rate / 10) + rate / 10;
        }
    }
}
