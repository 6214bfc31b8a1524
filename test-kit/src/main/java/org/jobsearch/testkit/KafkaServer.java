package org.jobsearch.testkit;

/** One Kafka broker (KRaft) shared by every test in a JVM. */
public interface KafkaServer {

    String bootstrapServers();
}
