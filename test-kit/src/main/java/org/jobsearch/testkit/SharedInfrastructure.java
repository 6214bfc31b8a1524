package org.jobsearch.testkit;

/**
 * The PostgreSQL server and Kafka broker of this test JVM, started on first use and stopped when
 * the JVM exits. By default both run without Docker (embedded PostgreSQL binaries, Kafka's own
 * KRaft broker); with {@code -Djobsearch.test.infra=testcontainers} (or the environment variable
 * {@code JOBSEARCH_TEST_INFRA=testcontainers}) they run in containers instead.
 */
public final class SharedInfrastructure {

    private static PostgresServer postgres;
    private static KafkaServer kafka;

    private SharedInfrastructure() {
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            if (useContainers()) {
                ContainerInfrastructure.PostgresContainerServer server = ContainerInfrastructure.postgres();
                postgres = server;
                Runtime.getRuntime().addShutdownHook(new Thread(server::close, "test-postgres-stop"));
            } else {
                EmbeddedPostgresServer server = new EmbeddedPostgresServer();
                postgres = server;
                Runtime.getRuntime().addShutdownHook(new Thread(server::close, "test-postgres-stop"));
            }
        }
        return postgres;
    }

    public static synchronized KafkaServer kafka() {
        if (kafka == null) {
            if (useContainers()) {
                ContainerInfrastructure.KafkaContainerServer server = ContainerInfrastructure.kafka();
                kafka = server;
                Runtime.getRuntime().addShutdownHook(new Thread(server::close, "test-kafka-stop"));
            } else {
                EmbeddedKafkaServer server = new EmbeddedKafkaServer();
                kafka = server;
                Runtime.getRuntime().addShutdownHook(new Thread(server::close, "test-kafka-stop"));
            }
        }
        return kafka;
    }

    static boolean useContainers() {
        String choice = System.getProperty("jobsearch.test.infra", System.getenv("JOBSEARCH_TEST_INFRA"));
        return "testcontainers".equalsIgnoreCase(choice);
    }
}
