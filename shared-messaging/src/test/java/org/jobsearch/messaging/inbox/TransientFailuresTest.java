package org.jobsearch.messaging.inbox;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class TransientFailuresTest {

    @Test
    void theDatabaseBeingAway_isTransient_howeverDeepTheCause() {
        assertThat(TransientFailures.isTransient(new ListenerExecutionFailedException("listener failed",
                new CannotCreateTransactionException("no connection",
                        new SQLTransientConnectionException("HikariPool-1 - Connection is not available"))))).isTrue();
        assertThat(TransientFailures.isTransient(new CannotGetJdbcConnectionException("down"))).isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException(new SQLException("An I/O error occurred", "08006")))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
    }

    @Test
    void aFailureOfTheRecord_isNot() {
        assertThat(TransientFailures.isTransient(new ListenerExecutionFailedException("listener failed",
                new IllegalStateException("parent does not exist yet")))).isFalse();
        assertThat(TransientFailures.isTransient(new SQLException("duplicate key value", "23505"))).isFalse();
        assertThat(TransientFailures.isTransient(new PoisonMessageException("not JSON",
                new SQLTransientConnectionException("unrelated")))).isFalse();
    }
}
