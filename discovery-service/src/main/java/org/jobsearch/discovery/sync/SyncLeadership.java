package org.jobsearch.discovery.sync;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * One sync at a time across every replica of the service: a PostgreSQL session advisory lock, held on a dedicated
 * connection for as long as the sync runs. That connection is opened outside the pool: held for a whole sync, a
 * pooled one would leave the sync's page stores, the inbox and REST one connection short (the local stack runs
 * discovery with a pool of 6). A replica that dies loses its session and with it the lock, so a crash
 * never leaves syncs blocked. Replicas waiting for the lock poll it, so a waiting sync stays interruptible.
 */
@Component
class SyncLeadership {

    private static final Logger log = LoggerFactory.getLogger(SyncLeadership.class);
    /** The lock's key: "discovery sync" in ASCII, so it cannot collide with another feature's lock by accident. */
    static final long LOCK_KEY = 0x646973635f73796eL;
    private static final Duration POLL = Duration.ofMillis(250);

    private final DataSourceProperties dataSource;

    SyncLeadership(DataSourceProperties dataSource) {
        this.dataSource = dataSource;
    }

    /** The held lock; closing it releases the lock and returns the connection. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Waits until this replica holds the sync lock. */
    Held acquire() throws InterruptedException {
        while (true) {
            Held held = tryAcquire();
            if (held != null) {
                return held;
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** The sync lock if no other sync holds it right now, else null. */
    Held tryAcquire() {
        Connection connection = null;
        try {
            connection = DriverManager.getConnection(dataSource.determineUrl(), dataSource.determineUsername(),
                    dataSource.determinePassword());
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("select pg_try_advisory_lock(" + LOCK_KEY + ")")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return release(connection);
                }
            }
            connection.close();
            return null;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("could not take the sync lock: " + e.getMessage(), e);
        }
    }

    private static Held release(Connection connection) {
        return () -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("select pg_advisory_unlock(" + LOCK_KEY + ")");
                closeQuietly(connection);
            } catch (SQLException e) {
                // never hand a session that may still hold the lock back to the pool: abort it, the lock ends with it
                log.warn("could not release the sync lock, dropping its connection: {}", e.getMessage());
                try {
                    connection.abort(Runnable::run);
                } catch (SQLException abortFailed) {
                    closeQuietly(connection);
                }
            }
        };
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.warn("closing the sync lock connection failed: {}", e.getMessage());
            }
        }
    }
}
