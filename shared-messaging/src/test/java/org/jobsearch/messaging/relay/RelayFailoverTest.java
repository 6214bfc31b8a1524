package org.jobsearch.messaging.relay;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jobsearch.testkit.SharedInfrastructure;
import org.jobsearch.testkit.TopicReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two relays on one database: the leader's lock session dies mid-stream and the standby takes over. */
@Tag("fault")
class RelayFailoverTest {

    private static final int EVENTS = 1_000;

    @Test
    void leaderSessionTerminatedMidStream_standbyTakesOverAndEveryEventIsDelivered() throws Exception {
        OutboxFixture fixture = new OutboxFixture("failover");
        String bootstrap = SharedInfrastructure.kafka().bootstrapServers();
        Map<String, Object> producer = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        ConcurrentLinkedQueue<String> publications = new ConcurrentLinkedQueue<>();

        OutboxRelay first = new OutboxRelay(fixture.settings(), () -> new KafkaProducer<>(OutboxRelay.producerConfig(producer)), recorder("first", publications));
        OutboxRelay second = new OutboxRelay(fixture.settings(), () -> new KafkaProducer<>(OutboxRelay.producerConfig(producer)), recorder("second", publications));
        try (TopicReader reader = new TopicReader(bootstrap, fixture.topic()); Connection writer = fixture.connect()) {
            first.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> first.state() == RelayState.STREAMING);
            second.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> second.state() == RelayState.STANDBY);

            AtomicInteger seq = new AtomicInteger();
            for (int i = 0; i < EVENTS / 2; i++) {
                fixture.append(writer, "agg-" + (i % 50), seq.getAndIncrement() / 50);
            }
            reader.readUntil(records -> RelayCrashTest.distinctIds(records).size() >= 100, Duration.ofSeconds(60));
            assertThat(terminateLockHolder(fixture)).isEqualTo(1);
            for (int i = EVENTS / 2; i < EVENTS; i++) {
                fixture.append(writer, "agg-" + (i % 50), seq.getAndIncrement() / 50);
            }

            List<ConsumerRecord<String, byte[]>> records = reader.readUntil(
                    r -> RelayCrashTest.distinctIds(r).size() >= EVENTS, Duration.ofSeconds(120));
            assertThat(RelayCrashTest.distinctIds(records)).hasSize(EVENTS);
            RelayCrashTest.assertPerKeyOrder(records);

            // one streaming at a time: every batch of the first leader was acknowledged before the second published any
            assertThat(second.publishedCount()).isPositive();
            List<String> order = List.copyOf(publications);
            int lastOfFirst = order.lastIndexOf("first");
            int firstOfSecond = order.indexOf("second");
            assertThat(lastOfFirst).isLessThan(firstOfSecond);
            assertThat(first.state()).isIn(RelayState.STANDBY, RelayState.STARTING);
            assertThat(second.state()).isEqualTo(RelayState.STREAMING);
        } finally {
            second.close();
            first.close();
        }
    }

    @Test
    void gracefulStop_commitsItsOffsets_soTheNextLeaderRepublishesNothing() throws Exception {
        OutboxFixture fixture = new OutboxFixture("graceful");
        String bootstrap = SharedInfrastructure.kafka().bootstrapServers();
        Map<String, Object> producer = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (TopicReader reader = new TopicReader(bootstrap, fixture.topic()); Connection writer = fixture.connect()) {
            OutboxRelay first = new OutboxRelay(fixture.settings(), () -> new KafkaProducer<>(OutboxRelay.producerConfig(producer)), RelayListener.NONE);
            first.start();
            for (int i = 0; i < 100; i++) {
                fixture.append(writer, "agg-" + (i % 10), i / 10);
            }
            reader.readUntil(records -> records.size() >= 100, Duration.ofSeconds(60));
            first.close();
            assertThat(first.state()).isEqualTo(RelayState.STOPPED);

            OutboxRelay second = new OutboxRelay(fixture.settings(), () -> new KafkaProducer<>(OutboxRelay.producerConfig(producer)), RelayListener.NONE);
            try {
                second.start();
                for (int i = 100; i < 200; i++) {
                    fixture.append(writer, "agg-" + (i % 10), i / 10);
                }
                reader.readUntil(records -> RelayCrashTest.distinctIds(records).size() >= 200, Duration.ofSeconds(60));
                List<ConsumerRecord<String, byte[]>> all = reader.drain(Duration.ofSeconds(2));
                assertThat(all).as("every event exactly once: nothing replayed after a graceful stop").hasSize(200);
            } finally {
                second.close();
            }
        }
    }

    private static RelayListener recorder(String name, ConcurrentLinkedQueue<String> publications) {
        return new RelayListener() {
            @Override
            public void published(int count) {
                publications.add(name);
            }
        };
    }

    /** Kills the database session that holds the relay's advisory lock, as a network cut or a DBA would. */
    private static int terminateLockHolder(OutboxFixture fixture) throws Exception {
        try (Connection admin = fixture.connect(); Statement s = admin.createStatement();
             ResultSet rs = s.executeQuery("""
                     select count(*) from (
                         select pg_terminate_backend(l.pid) from pg_locks l
                         join pg_database d on d.oid = l.database
                         where l.locktype = 'advisory' and l.granted and l.classid = 2828 and d.datname = current_database()
                     ) terminated""")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
