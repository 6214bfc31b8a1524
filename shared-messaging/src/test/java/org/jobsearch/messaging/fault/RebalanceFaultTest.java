package org.jobsearch.messaging.fault;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.jobsearch.testkit.ChildJvm;
import org.jobsearch.testkit.KafkaProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Per-aggregate order and exactly-one effects while the consumer group rebalances twice mid-stream:
 * a node joins, then another is killed and its partitions (with records it had processed but not
 * committed) move to the survivors.
 */
@Tag("fault")
class RebalanceFaultTest {

    /** 20 applications × 25 events each (status changes, interviews scheduled and moved), on 6 partitions. */
    private static final int APPLICATIONS = 20;
    private static final int EVENTS_EACH = 25;
    private static final int EVENTS = APPLICATIONS * EVENTS_EACH;

    @Test
    void nodeJoinsThenAnotherIsKilled_everyEventTakesEffectOnceAndInPerAggregateOrder() throws Exception {
        KafkaProcess kafka = FaultNodes.broker();
        String topic = FaultNodes.topic(kafka, "rebalance", 6);
        String database = FaultNodes.database("rebalance");
        String group = "fault-" + database;
        String batch = UUID.randomUUID().toString();
        JdbcTemplate jdbc = FaultNodes.jdbc(database);
        Map<String, String> node = FaultNodes.consumerNode(FaultNodes.postgres().jdbcUrl(database), database,
                kafka.bootstrapServers(), topic, group);

        try (ConfigurableApplicationContext survivor = FaultNodes.startInProcess(node);
             ChildJvm doomed = ChildJvm.start(ConsumerNode.class, FaultNodes.args(node))) {
            doomed.awaitOutput(line -> line.equals("READY"), Duration.ofSeconds(120));

            // one round of 20 events every 400 ms: the stream lasts about 10 s
            CompletableFuture<Void> producing = CompletableFuture.runAsync(() -> {
                try (KafkaProducer<String, byte[]> producer = FaultNodes.producer(kafka)) {
                    for (int seq = 0; seq < EVENTS_EACH; seq++) {
                        for (int app = 0; app < APPLICATIONS; app++) {
                            producer.send(FaultNodes.event(topic, batch, "application-" + app, seq));
                        }
                        producer.flush();
                        TimeUnit.MILLISECONDS.sleep(400);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });

            await().atMost(Duration.ofSeconds(120)).until(() -> FaultNodes.effects(jdbc, batch) >= EVENTS / 5);
            try (ChildJvm joiner = ChildJvm.start(ConsumerNode.class, FaultNodes.args(node))) {
                joiner.awaitOutput(line -> line.equals("READY"), Duration.ofSeconds(120));
                await().atMost(Duration.ofSeconds(120)).until(() -> FaultNodes.effects(jdbc, batch) >= EVENTS / 2);
                doomed.kill();

                producing.get(120, TimeUnit.SECONDS);
                await().atMost(Duration.ofSeconds(180)).until(() ->
                        FaultNodes.committed(kafka, group, topic) == EVENTS && FaultNodes.effects(jdbc, batch) >= EVENTS);
            }
        }

        assertThat(FaultNodes.effects(jdbc, batch)).isEqualTo(EVENTS);
        assertThat(FaultNodes.distinctEffects(jdbc, batch)).isEqualTo(EVENTS);
        Map<String, List<Integer>> order = FaultNodes.effectOrder(jdbc, batch);
        assertThat(order).hasSize(APPLICATIONS);
        List<Integer> inOrder = IntStream.range(0, EVENTS_EACH).boxed().toList();
        order.forEach((aggregate, seqs) -> assertThat(seqs).as("effects of %s in order", aggregate).isEqualTo(inOrder));
    }
}
