package org.jobsearch.messaging.fault;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jobsearch.events.EventHeaders;
import org.jobsearch.messaging.testapp.MessagingTestApplication;
import org.jobsearch.messaging.testapp.TestEvent;
import org.jobsearch.testkit.KafkaProcess;
import org.jobsearch.testkit.PostgresServer;
import org.jobsearch.testkit.SharedInfrastructure;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What the fault suite shares: a Kafka broker of its own in a separate process (one per JVM, so a test
 * may stop it without hurting the rest of the build's tests), a topic per test, a database per node
 * group on the JVM's shared PostgreSQL, and messaging-test nodes started in this JVM or in a child
 * JVM ({@link ConsumerNode}) with the same settings.
 */
final class FaultNodes {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static KafkaProcess broker;

    private FaultNodes() {
    }

    /** The suite's broker, started on first use and stopped at JVM exit. */
    static synchronized KafkaProcess broker() {
        if (broker == null) {
            try {
                Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "fault-kafka");
                broker = KafkaProcess.start(dir);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "fault-kafka-stop"));
        }
        return broker;
    }

    /** A fresh topic (and its dead-letter topic) with {@code partitions} partitions. */
    static String topic(KafkaProcess kafka, String prefix, int partitions) {
        return topicNamed(kafka, prefix + UUID.randomUUID().toString().substring(0, 8) + ".events", partitions);
    }

    static String topicNamed(KafkaProcess kafka, String topic, int partitions) {
        try (Admin admin = admin(kafka)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1),
                    new NewTopic(topic + "-dlt", partitions, (short) 1))).all().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not create " + topic, e);
        }
        return topic;
    }

    static String database(String prefix) {
        return postgres().createDatabase(prefix);
    }

    static PostgresServer postgres() {
        return SharedInfrastructure.postgres();
    }

    /** Settings of a consumer node (relay off) reading {@code topic} into {@code jdbcUrl}'s database. */
    static Map<String, String> consumerNode(String jdbcUrl, String database, String bootstrap, String topic, String group) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("spring.datasource.url", jdbcUrl);
        p.put("spring.datasource.username", postgres().username());
        p.put("spring.datasource.password", postgres().password());
        p.put("spring.datasource.hikari.connection-timeout", "3000");
        p.put("spring.kafka.bootstrap-servers", bootstrap);
        // a crashed node's partitions move within seconds, not the default 45
        p.put("spring.kafka.consumer.properties.session.timeout.ms", "6000");
        p.put("spring.kafka.consumer.properties.heartbeat.interval.ms", "1000");
        p.put("spring.kafka.consumer.max-poll-records", "25");
        p.put("jobsearch.messaging.relay.enabled", "false");
        p.put("jobsearch.messaging.relay.name", database);
        p.put("jobsearch.messaging.relay.slot-name", database + "_outbox");
        p.put("jobsearch.messaging.consumer.group-id", group);
        p.put("jobsearch.messaging.topics.create", "false");
        p.put("messaging-test.topic", topic);
        p.put("spring.jmx.enabled", "false");
        return p;
    }

    static ConfigurableApplicationContext startInProcess(Map<String, String> properties) {
        return new SpringApplicationBuilder(MessagingTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties(properties.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new))
                .run();
    }

    static String[] args(Map<String, String> properties, String... extra) {
        List<String> args = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .collect(Collectors.toCollection(ArrayList::new));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    static JdbcTemplate jdbc(String database) {
        PostgresServer pg = postgres();
        return new JdbcTemplate(new DriverManagerDataSource(pg.jdbcUrl(database), pg.username(), pg.password()));
    }

    static KafkaProducer<String, byte[]> producer(KafkaProcess kafka) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    /** A {@link TestEvent} record keyed by its aggregate, with the headers the relay would set. */
    static ProducerRecord<String, byte[]> event(String topic, String batch, String aggregate, int seq) {
        UUID eventId = UUID.randomUUID();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("eventId", eventId.toString());
        fields.put("batch", batch);
        fields.put("aggregate", aggregate);
        fields.put("seq", seq);
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.CE_ID, eventId.toString().getBytes(StandardCharsets.UTF_8));
        headers.add(EventHeaders.CE_TYPE, TestEvent.TYPE.getBytes(StandardCharsets.UTF_8));
        headers.add(EventHeaders.CE_SOURCE, "fault-suite".getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(topic, null, aggregate, JSON.writeValueAsBytes(fields), headers);
    }

    /** The offsets {@code group} has committed on {@code topic}, summed over its partitions. */
    static long committed(KafkaProcess kafka, String group, String topic) {
        try (Admin admin = admin(kafka)) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            return offsets.entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset()).sum();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many records {@code topic} holds (end offsets summed), e.g. a dead-letter topic. */
    static long records(KafkaProcess kafka, String topic, int partitions) {
        try (Admin admin = admin(kafka)) {
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
                    .mapToLong(info -> info.offset()).sum();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static int effects(JdbcTemplate jdbc, String batch) {
        Integer n = jdbc.queryForObject("select count(*) from test_effect where batch = ?", Integer.class, batch);
        return n == null ? 0 : n;
    }

    static int distinctEffects(JdbcTemplate jdbc, String batch) {
        Integer n = jdbc.queryForObject("select count(distinct event_id) from test_effect where batch = ?", Integer.class, batch);
        return n == null ? 0 : n;
    }

    /** Each aggregate's seqs in the order their effects were written. */
    static Map<String, List<Integer>> effectOrder(JdbcTemplate jdbc, String batch) {
        Map<String, List<Integer>> order = new LinkedHashMap<>();
        jdbc.query("select aggregate, seq from test_effect where batch = ? order by id", rs -> {
            order.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getInt(2));
        }, batch);
        return order;
    }

    private static Admin admin(KafkaProcess kafka) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }
}
