package org.jobsearch.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;

/** PostgreSQL from zonky's embedded binaries (Maven Central): no Docker needed. */
final class EmbeddedPostgresServer implements PostgresServer {

    private final EmbeddedPostgres postgres;

    EmbeddedPostgresServer() {
        try {
            postgres = EmbeddedPostgres.builder()
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("max_wal_senders", "64")
                    .setServerConfig("max_replication_slots", "64")
                    .setServerConfig("max_connections", "400")
                    // change capture otherwise waits for the WAL writer (~200 ms per event)
                    .setServerConfig("synchronous_commit", "on")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    @Override
    public String host() {
        return "localhost";
    }

    @Override
    public int port() {
        return postgres.getPort();
    }

    @Override
    public String username() {
        return "postgres";
    }

    @Override
    public String password() {
        // loopback connections are trusted, so any password works; Debezium's JDBC offset store needs a non-empty one
        return "postgres";
    }

    void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
