package org.jobsearch.messaging.fault;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.jobsearch.testkit.KafkaProcess;
import org.jobsearch.testkit.PostgresServer;
import org.jobsearch.testkit.TcpProxy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer's database goes away for 15 s while records keep arriving: the consumer waits for
 * it (the partition is blocked, nothing is dead-lettered) and then applies every record once.
 */
@Tag("fault")
class PostgresOutageFaultTest {

    private static final int EVENTS = 300;

    @Test
    void postgresUnavailableFor15sDuringConsumption_nothingLostNothingTwiceNothingDeadLettered() throws Exception {
        KafkaProcess kafka = FaultNodes.broker();
        String topic = FaultNodes.topic(kafka, "pgdown", 3);
        String database = FaultNodes.database("pgdown");
        String batch = UUID.randomUUID().toString();
        JdbcTemplate direct = FaultNodes.jdbc(database);
        PostgresServer pg = FaultNodes.postgres();

        try (TcpProxy proxy = new TcpProxy(pg.host(), pg.port())) {
            // the node reaches PostgreSQL only through the proxy; the test reads it directly
            Map<String, String> node = FaultNodes.consumerNode(
                    "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + database, database,
                    kafka.bootstrapServers(), topic, "fault-" + database);
            try (ConfigurableApplicationContext consumer = FaultNodes.startInProcess(node)) {
                CompletableFuture<Void> producing = CompletableFuture.runAsync(() -> {
                    try (KafkaProducer<String, byte[]> producer = FaultNodes.producer(kafka)) {
                        for (int i = 0; i < EVENTS; i++) {
                            producer.send(FaultNodes.event(topic, batch, "application-" + (i % 30), i / 30));
                            if (i % 10 == 9) {
                                producer.flush();
                                TimeUnit.MILLISECONDS.sleep(200);   // ~50 events/s for ~6 s, then the rest during the outage
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                });

                await().atMost(Duration.ofSeconds(120)).until(() -> FaultNodes.effects(direct, batch) >= 60);
                proxy.cut();
                int atCut = FaultNodes.effects(direct, batch);
                CompletableFuture<Integer> restored = CompletableFuture.supplyAsync(() -> {
                    int beforeRestore = FaultNodes.effects(direct, batch);
                    proxy.restore();
                    return beforeRestore;
                }, CompletableFuture.delayedExecutor(15, TimeUnit.SECONDS));

                int atRestore = restored.get(60, TimeUnit.SECONDS);
                producing.get(60, TimeUnit.SECONDS);
                await().atMost(Duration.ofSeconds(120)).until(() -> FaultNodes.effects(direct, batch) >= EVENTS);

                assertThat(atRestore).as("effects written while the database was away").isEqualTo(atCut);
                assertThat(atCut).isLessThan(EVENTS);
            }
        }

        assertThat(FaultNodes.effects(direct, batch)).isEqualTo(EVENTS);
        assertThat(FaultNodes.distinctEffects(direct, batch)).isEqualTo(EVENTS);
        assertThat(direct.queryForObject("select count(*) from dead_letter", Integer.class)).isZero();
        assertThat(FaultNodes.records(kafka, topic + "-dlt", 3)).isZero();
    }
}
