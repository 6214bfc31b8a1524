package org.jobsearch.messaging.relay;

import org.flywaydb.core.Flyway;
import org.jobsearch.testkit.PostgresServer;
import org.jobsearch.testkit.SharedInfrastructure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * A database of its own with the messaging schema, for relay tests that run relays by hand (in
 * this JVM or a child one) rather than through a Spring context.
 */
final class OutboxFixture {

    final PostgresServer postgres = SharedInfrastructure.postgres();
    final String database;
    final String slot;
    final String aggregateType;

    OutboxFixture(String prefix) {
        database = postgres.createDatabase(prefix);
        slot = database + "_outbox";
        aggregateType = database.replace('_', 'x');
        Flyway.configure()
                .dataSource(jdbcUrl(), postgres.username(), postgres.password())
                .locations("classpath:db/messaging")
                .placeholders(Map.of("slot_name", slot, "publication_name", "outbox_publication"))
                .load()
                .migrate();
    }

    String jdbcUrl() {
        return postgres.jdbcUrl(database);
    }

    String topic() {
        return aggregateType + ".events";
    }

    RelaySettings settings() {
        RelaySettings defaults = RelaySettings.withDefaults(jdbcUrl(), postgres.username(), postgres.password(),
                database, slot);
        return new RelaySettings(defaults.jdbcUrl(), defaults.username(), defaults.password(), defaults.name(),
                defaults.slotName(), defaults.publicationName(), defaults.pollInterval(),
                java.time.Duration.ofMillis(200), java.time.Duration.ofMillis(300), defaults.sendTimeout(),
                java.time.Duration.ofSeconds(1), defaults.retention(), java.time.Duration.ofSeconds(30), defaults.offsetFlushInterval(),
                defaults.maxBatchSize());
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), postgres.username(), postgres.password());
    }

    /** Commits one outbox row per call: the event {@code seq} of {@code aggregate}. */
    UUID append(Connection connection, String aggregate, int seq) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement ps = connection.prepareStatement("""
                insert into outbox (id, aggregatetype, aggregateid, type, payload, source, occurred_at)
                values (?, ?, ?, 'TestEvent.v1', cast(? as jsonb), 'relay-test', now())""")) {
            ps.setObject(1, id);
            ps.setString(2, aggregateType);
            ps.setString(3, aggregate);
            ps.setString(4, "{\"eventId\":\"" + id + "\",\"batch\":\"" + database + "\",\"aggregate\":\""
                    + aggregate + "\",\"seq\":" + seq + "}");
            ps.executeUpdate();
        }
        return id;
    }
}
