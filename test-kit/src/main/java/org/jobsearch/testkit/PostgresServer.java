package org.jobsearch.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * One PostgreSQL server with logical WAL, shared by every test in a JVM. Each caller that needs
 * isolation asks for its own database.
 */
public interface PostgresServer {

    String host();

    int port();

    String username();

    String password();

    default String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    /** Creates a fresh, uniquely named database and returns its name (lower case, safe as an identifier). */
    default String createDatabase(String prefix) {
        String name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), username(), password());
             Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return name;
    }
}
