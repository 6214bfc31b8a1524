package org.jobsearch.messaging.fault;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.jobsearch.testkit.ChildJvm;
import org.jobsearch.testkit.KafkaProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A consumer process dies after its database commit and before its Kafka offset commit: the
 * records it had finished are delivered again to its successor, and the inbox turns them into
 * no-ops.
 */
@Tag("fault")
class ConsumerCrashFaultTest {

    private static final int EVENTS = 400;
    private static final int AGGREGATES = 20;
    private static final int HALT_AFTER = 137;

    @Test
    void consumerKilledBetweenDbCommitAndOffsetCommit_redeliveredRecordsTakeNoSecondEffect() throws Exception {
        KafkaProcess kafka = FaultNodes.broker();
        String topic = FaultNodes.topic(kafka, "crash", 3);
        String database = FaultNodes.database("crash");
        String group = "fault-" + database;
        String batch = UUID.randomUUID().toString();
        JdbcTemplate jdbc = FaultNodes.jdbc(database);
        try (KafkaProducer<String, byte[]> producer = FaultNodes.producer(kafka)) {
            for (int i = 0; i < EVENTS; i++) {
                producer.send(FaultNodes.event(topic, batch, "application-" + (i % AGGREGATES), i / AGGREGATES));
            }
            producer.flush();
        }
        Map<String, String> node = FaultNodes.consumerNode(FaultNodes.postgres().jdbcUrl(database), database,
                kafka.bootstrapServers(), topic, group);

        try (ChildJvm first = ChildJvm.start(ConsumerNode.class, FaultNodes.args(node, "--fault.halt-after-effects=" + HALT_AFTER))) {
            assertThat(first.awaitExit(Duration.ofSeconds(180))).as("exit code; output:\n%s", String.join("\n", first.output()))
                    .isEqualTo(137);
        }
        long committedAtCrash = FaultNodes.committed(kafka, group, topic);
        // the inbox commits a poll's records in one transaction: the one holding the HALT_AFTER-th effect
        // committed all of its effects before the halt, none of them past it
        int effectsAtCrash = FaultNodes.effects(jdbc, batch);
        assertThat(effectsAtCrash).isBetween(HALT_AFTER, EVENTS);
        // records whose effects are in the database but whose offsets Kafka never got
        assertThat(committedAtCrash).isLessThan(effectsAtCrash);

        try (ChildJvm second = ChildJvm.start(ConsumerNode.class, FaultNodes.args(node))) {
            await().atMost(Duration.ofSeconds(180)).until(() ->
                    FaultNodes.committed(kafka, group, topic) == EVENTS && FaultNodes.effects(jdbc, batch) >= EVENTS);
        }

        assertThat(FaultNodes.effects(jdbc, batch)).isEqualTo(EVENTS);
        assertThat(FaultNodes.distinctEffects(jdbc, batch)).isEqualTo(EVENTS);
        Integer claims = jdbc.queryForObject("select count(*) from processed_event", Integer.class);
        assertThat(claims).isEqualTo(EVENTS);
        List<Integer> inOrder = IntStream.range(0, EVENTS / AGGREGATES).boxed().toList();
        FaultNodes.effectOrder(jdbc, batch).forEach((aggregate, seqs) ->
                assertThat(seqs).as("effects of %s in order", aggregate).isEqualTo(inOrder));
    }
}
