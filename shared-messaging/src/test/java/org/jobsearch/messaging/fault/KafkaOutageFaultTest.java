package org.jobsearch.messaging.fault;

import org.jobsearch.testkit.KafkaProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Kafka broker process is stopped for 30 s while the service keeps taking writes: every write
 * commits (state + outbox row) as if nothing happened, and once the broker is back the relay
 * publishes the backlog and the consumer applies each event exactly once.
 */
@Tag("fault")
class KafkaOutageFaultTest {

    @TempDir
    Path brokerDir;

    @Test
    void brokerStoppedFor30sWhileWritesContinue_everyCommittedWriteTakesEffectOnce() throws Exception {
        String database = FaultNodes.database("kafkadown");
        String aggregateType = "kafkadown" + UUID.randomUUID().toString().substring(0, 8);
        String topic = aggregateType + ".events";
        String batch = UUID.randomUUID().toString();
        JdbcTemplate direct = FaultNodes.jdbc(database);

        try (KafkaProcess kafka = KafkaProcess.start(brokerDir)) {
            FaultNodes.topicNamed(kafka, topic, 3);
            Map<String, String> node = FaultNodes.consumerNode(FaultNodes.postgres().jdbcUrl(database), database,
                    kafka.bootstrapServers(), topic, "fault-" + database);
            node.put("jobsearch.messaging.relay.enabled", "true");
            node.put("jobsearch.messaging.relay.restart-backoff", "1s");
            node.put("jobsearch.messaging.relay.send-timeout", "5s");
            try (ConfigurableApplicationContext service = FaultNodes.startInProcess(node)) {
                JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
                TransactionTemplate transactions = new TransactionTemplate(service.getBean(PlatformTransactionManager.class));
                Set<UUID> written = ConcurrentHashMap.newKeySet();
                ConcurrentLinkedQueue<Throwable> failedWrites = new ConcurrentLinkedQueue<>();
                AtomicBoolean writing = new AtomicBoolean(true);
                AtomicInteger seq = new AtomicInteger();
                // the service's write path: a business row and its event in one transaction, ~25 per second
                CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                    while (writing.get()) {
                        try {
                            int n = seq.getAndIncrement();
                            UUID id = transactions.execute(status -> {
                                UUID eventId = UUID.randomUUID();
                                jdbc.update("insert into test_parent (id) values (?)", eventId.toString());
                                jdbc.update("""
                                        insert into outbox (id, aggregatetype, aggregateid, type, payload, source, occurred_at)
                                        values (?, ?, ?, 'TestEvent.v1', cast(? as jsonb), 'fault-suite', now())""",
                                        eventId, aggregateType, "application-" + (n % 10),
                                        "{\"eventId\":\"" + eventId + "\",\"batch\":\"" + batch + "\",\"aggregate\":\"application-"
                                                + (n % 10) + "\",\"seq\":" + (n / 10) + "}");
                                return eventId;
                            });
                            written.add(id);
                            TimeUnit.MILLISECONDS.sleep(40);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        } catch (RuntimeException e) {
                            failedWrites.add(e);
                        }
                    }
                });

                await().atMost(Duration.ofSeconds(120)).until(() -> FaultNodes.effects(direct, batch) >= 100);
                kafka.stop();
                int writtenAtStop = written.size();
                CompletableFuture<Integer> restarted = CompletableFuture.supplyAsync(() -> {
                    int writtenWhileDown = written.size();
                    kafka.startAgain();
                    return writtenWhileDown;
                }, CompletableFuture.delayedExecutor(30, TimeUnit.SECONDS));
                int writtenAtRestart = restarted.get(120, TimeUnit.SECONDS);
                int effectsAtRestart = FaultNodes.effects(direct, batch);
                await().atMost(Duration.ofSeconds(180)).until(() -> FaultNodes.effects(direct, batch) > writtenAtRestart);
                writing.set(false);
                writer.get(30, TimeUnit.SECONDS);

                assertThat(failedWrites).as("writes refused while the broker was down").isEmpty();
                assertThat(writtenAtRestart - writtenAtStop).as("writes committed during the outage").isGreaterThanOrEqualTo(100);
                assertThat(effectsAtRestart).isLessThan(writtenAtRestart);
                await().atMost(Duration.ofSeconds(180)).until(() -> FaultNodes.effects(direct, batch) >= written.size());

                assertThat(FaultNodes.effects(direct, batch)).isEqualTo(written.size());
                assertThat(FaultNodes.distinctEffects(direct, batch)).isEqualTo(written.size());
                List<UUID> applied = direct.queryForList("select event_id from test_effect where batch = ?", UUID.class, batch);
                assertThat(applied).containsExactlyInAnyOrderElementsOf(written);
            }
        }
    }
}
