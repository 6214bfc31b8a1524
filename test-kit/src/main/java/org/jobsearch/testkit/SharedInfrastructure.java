package org.jobsearch.testkit;

import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The PostgreSQL server and Kafka broker of this test JVM, started on first use and stopped when
 * the JVM exits. By default both run without Docker (embedded PostgreSQL binaries, Kafka's own
 * KRaft broker); with {@code -Djobsearch.test.infra=testcontainers} (or the environment variable
 * {@code JOBSEARCH_TEST_INFRA=testcontainers}) they run in containers instead.
 */
public final class SharedInfrastructure {

    private static final Deque<ConfigurableApplicationContext> CONTEXTS = new ArrayDeque<>();
    private static final List<Runnable> STOPS = new ArrayList<>();
    private static PostgresServer postgres;
    private static KafkaServer kafka;

    static {
        // One hook, in order: Spring contexts first (their relays and listeners still use the servers),
        // then Kafka, then PostgreSQL. Separate hooks would run all at once.
        Runtime.getRuntime().addShutdownHook(new Thread(SharedInfrastructure::stopAll, "test-infrastructure-stop"));
    }

    private SharedInfrastructure() {
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            if (useContainers()) {
                ContainerInfrastructure.PostgresContainerServer server = ContainerInfrastructure.postgres();
                postgres = server;
                STOPS.add(server::close);
            } else {
                EmbeddedPostgresServer server = new EmbeddedPostgresServer();
                postgres = server;
                STOPS.add(server::close);
            }
        }
        return postgres;
    }

    public static synchronized KafkaServer kafka() {
        if (kafka == null) {
            if (useContainers()) {
                ContainerInfrastructure.KafkaContainerServer server = ContainerInfrastructure.kafka();
                kafka = server;
                STOPS.add(0, server::close);
            } else {
                EmbeddedKafkaServer server = new EmbeddedKafkaServer();
                kafka = server;
                STOPS.add(0, server::close);
            }
        }
        return kafka;
    }

    /** Closes {@code context} before the servers stop at JVM exit. */
    static synchronized void closeBeforeShutdown(ConfigurableApplicationContext context) {
        CONTEXTS.push(context);
    }

    private static void stopAll() {
        List<ConfigurableApplicationContext> contexts;
        List<Runnable> stops;
        synchronized (SharedInfrastructure.class) {
            contexts = List.copyOf(CONTEXTS);
            stops = List.copyOf(STOPS);
        }
        for (ConfigurableApplicationContext context : contexts) {
            try {
                context.close();
            } catch (RuntimeException e) {
                // keep stopping the rest
            }
        }
        for (Runnable stop : stops) {
            try {
                stop.run();
            } catch (RuntimeException e) {
                // keep stopping the rest
            }
        }
    }

    static boolean useContainers() {
        String choice = System.getProperty("jobsearch.test.infra", System.getenv("JOBSEARCH_TEST_INFRA"));
        return "testcontainers".equalsIgnoreCase(choice);
    }
}
