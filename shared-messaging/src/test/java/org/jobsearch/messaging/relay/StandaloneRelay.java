package org.jobsearch.messaging.relay;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * An outbox relay alone in a JVM, so a test can SIGKILL it. Arguments: jdbcUrl user password name
 * slot bootstrapServers. Prints {@code STREAMING} once its engine runs and {@code PUBLISHED n} each time
 * it confirms acknowledged events to Debezium.
 */
public final class StandaloneRelay {

    private StandaloneRelay() {
    }

    public static void main(String[] args) throws InterruptedException {
        RelaySettings defaults = RelaySettings.withDefaults(args[0], args[1], args.length > 2 ? args[2] : "", args[3], args[4]);
        RelaySettings settings = new RelaySettings(defaults.jdbcUrl(), defaults.username(), defaults.password(),
                defaults.name(), defaults.slotName(), defaults.publicationName(), defaults.pollInterval(),
                Duration.ofMillis(200), Duration.ofMillis(300), defaults.sendTimeout(), Duration.ofSeconds(1),
                defaults.retention(), Duration.ofSeconds(30), defaults.offsetFlushInterval(), defaults.maxBatchSize());
        Map<String, Object> producer = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args[5],
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        OutboxRelay relay = new OutboxRelay(settings, () -> new KafkaProducer<>(OutboxRelay.producerConfig(producer)), new RelayListener() {
            @Override
            public void streamingStarted() {
                System.out.println("STREAMING");
            }

            @Override
            public void published(int count) {
                System.out.println("PUBLISHED " + count);
            }
        });
        relay.start();
        new CountDownLatch(1).await();
    }
}
