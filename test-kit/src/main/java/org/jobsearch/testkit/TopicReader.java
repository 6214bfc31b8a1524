package org.jobsearch.testkit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads a topic from its beginning, outside any consumer group, until what it has read satisfies a
 * condition: how tests look at exactly what reached Kafka.
 */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

    public TopicReader(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        List<PartitionInfo> partitions = List.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (partitions.isEmpty() && System.nanoTime() < deadline) {
            partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
        }
        if (partitions.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " has no partitions");
        }
        List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(assigned);
        consumer.seekToBeginning(assigned);
    }

    /** Polls until {@code done} holds for everything read so far; fails after {@code timeout}. */
    public List<ConsumerRecord<String, byte[]>> readUntil(Predicate<List<ConsumerRecord<String, byte[]>>> done,
                                                          Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(records)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout + "; read " + records.size() + " records");
            }
            consumer.poll(Duration.ofMillis(100)).forEach(records::add);
        }
        return List.copyOf(records);
    }

    /** Everything that arrives within {@code quiet} more, to prove nothing else shows up. */
    public List<ConsumerRecord<String, byte[]>> drain(Duration quiet) {
        long deadline = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100)).forEach(records::add);
        }
        return List.copyOf(records);
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
