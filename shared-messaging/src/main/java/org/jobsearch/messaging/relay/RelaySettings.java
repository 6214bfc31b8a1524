package org.jobsearch.messaging.relay;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything one outbox relay needs, independent of Spring so a relay can also run in a plain JVM
 * (tests kill such a JVM with SIGKILL).
 *
 * @param jdbcUrl             the service's database, {@code jdbc:postgresql://host:port/db}
 * @param name                engine name and {@code topic.prefix}: the key of the stored offsets
 * @param slotName            the replication slot, created by the messaging migration
 * @param publicationName     the publication over the outbox, created by the messaging migration
 * @param leaderCheckInterval how often the leader checks its lock session and standbys retry the lock
 * @param slotTakeoverTimeout how long a new leader waits for the old leader to release the slot
 *                            before it terminates that session itself
 */
public record RelaySettings(String jdbcUrl, String username, String password, String name, String slotName,
                            String publicationName, Duration pollInterval, Duration leaderCheckInterval,
                            Duration restartBackoff, Duration sendTimeout, Duration heartbeatInterval,
                            Duration retention, Duration slotTakeoverTimeout) {

    public RelaySettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("the outbox relay needs a PostgreSQL JDBC URL, got " + jdbcUrl);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(slotName, "slotName");
        Objects.requireNonNull(publicationName, "publicationName");
        if (password == null || password.isEmpty()) {
            // Debezium's JDBC offset store refuses an empty password, even where the server trusts the connection
            throw new IllegalArgumentException("the outbox relay needs a database password (spring.datasource.password)");
        }
    }

    /** The usual timings, for tools and tests that only know where the database is. */
    public static RelaySettings withDefaults(String jdbcUrl, String username, String password, String name,
                                             String slotName) {
        return new RelaySettings(jdbcUrl, username, password, name, slotName, "outbox_publication",
                Duration.ofMillis(10), Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(30),
                Duration.ofSeconds(10), Duration.ofDays(7), Duration.ofSeconds(60));
    }

    URI databaseUri() {
        return URI.create(jdbcUrl.substring("jdbc:".length()));
    }

    String host() {
        return databaseUri().getHost();
    }

    int port() {
        int port = databaseUri().getPort();
        return port < 0 ? 5432 : port;
    }

    String database() {
        String path = databaseUri().getPath();
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
