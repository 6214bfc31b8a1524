package org.jobsearch.messaging.relay;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jobsearch.testkit.ChildJvm;
import org.jobsearch.testkit.SharedInfrastructure;
import org.jobsearch.testkit.TopicReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The relay process dies with SIGKILL while events stream: nothing committed is lost, order per key holds. */
@Tag("fault")
class RelayCrashTest {

    private static final int EVENTS = 1_000;
    private static final int AGGREGATES = 50;
    private static final Pattern SEQ = Pattern.compile("\"seq\":\\s*(\\d+)");

    @Test
    void relayKilledWithSigkillMidStream_deliversEveryEventInPerKeyOrder() throws Exception {
        OutboxFixture fixture = new OutboxFixture("crash");
        String bootstrap = SharedInfrastructure.kafka().bootstrapServers();
        String[] relayArgs = {fixture.jdbcUrl(), fixture.postgres.username(), fixture.postgres.password(),
                fixture.database, fixture.slot, bootstrap};

        Set<UUID> written = new LinkedHashSet<>();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (Connection connection = fixture.connect()) {
                for (int i = 0; i < EVENTS; i++) {
                    // 20 events per aggregate, interleaved: aggregate i % 50 gets its (i / 50)-th event
                    written.add(fixture.append(connection, "agg-" + (i % AGGREGATES), i / AGGREGATES));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        try (ChildJvm first = ChildJvm.start(StandaloneRelay.class, relayArgs);
             TopicReader reader = new TopicReader(bootstrap, fixture.topic())) {
            first.awaitOutput(line -> line.startsWith("STREAMING"), Duration.ofSeconds(60));
            try {
                reader.readUntil(records -> records.size() >= 200, Duration.ofSeconds(60));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; relay output:\n" + String.join("\n", first.output()), e);
            }
            first.kill();

            try (ChildJvm second = ChildJvm.start(StandaloneRelay.class, relayArgs)) {
                writer.get();
                List<ConsumerRecord<String, byte[]>> records = reader.readUntil(
                        r -> distinctIds(r).size() >= EVENTS, Duration.ofSeconds(120));

                assertThat(distinctIds(records)).hasSize(EVENTS)
                        .containsExactlyInAnyOrderElementsOf(written.stream().map(UUID::toString).toList());
                assertPerKeyOrder(records);
            }
        }
    }

    static Set<String> distinctIds(List<ConsumerRecord<String, byte[]>> records) {
        Set<String> ids = new LinkedHashSet<>();
        records.forEach(r -> ids.add(TopicReader.header(r, "ce_id")));
        return ids;
    }

    /** Replays after a crash may repeat a tail of events; the first delivery of each is still in order. */
    static void assertPerKeyOrder(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, List<Integer>> firstDeliveries = new HashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (seen.add(TopicReader.header(record, "ce_id"))) {
                Matcher seq = SEQ.matcher(new String(record.value()));
                assertThat(seq.find()).isTrue();
                firstDeliveries.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(Integer.parseInt(seq.group(1)));
            }
        }
        assertThat(firstDeliveries).hasSize(AGGREGATES);
        firstDeliveries.forEach((key, seqs) -> assertThat(seqs).as("order of %s", key).isSorted().doesNotHaveDuplicates());
    }
}
