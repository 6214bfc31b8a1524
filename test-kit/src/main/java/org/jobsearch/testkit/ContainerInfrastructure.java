package org.jobsearch.testkit;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The same shared PostgreSQL and Kafka, in containers, for machines with a Docker engine.
 * Selected with {@code -Djobsearch.test.infra=testcontainers}.
 */
final class ContainerInfrastructure {

    static final String POSTGRES_IMAGE = "postgres:18";
    static final String KAFKA_IMAGE = "apache/kafka:4.1.2";

    private ContainerInfrastructure() {
    }

    static PostgresContainerServer postgres() {
        PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES_IMAGE)
                .withCommand("postgres", "-c", "wal_level=logical", "-c", "max_wal_senders=64",
                        "-c", "max_replication_slots=64", "-c", "max_connections=400", "-c", "fsync=off");
        container.start();
        return new PostgresContainerServer(container);
    }

    static KafkaContainerServer kafka() {
        KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
        container.start();
        return new KafkaContainerServer(container);
    }

    static final class PostgresContainerServer implements PostgresServer {
        private final PostgreSQLContainer container;

        PostgresContainerServer(PostgreSQLContainer container) {
            this.container = container;
        }

        @Override
        public String host() {
            return container.getHost();
        }

        @Override
        public int port() {
            return container.getMappedPort(5432);
        }

        @Override
        public String username() {
            return container.getUsername();
        }

        @Override
        public String password() {
            return container.getPassword();
        }

        void close() {
            container.stop();
        }
    }

    static final class KafkaContainerServer implements KafkaServer {
        private final KafkaContainer container;

        KafkaContainerServer(KafkaContainer container) {
            this.container = container;
        }

        @Override
        public String bootstrapServers() {
            return container.getBootstrapServers();
        }

        void close() {
            container.stop();
        }
    }
}
