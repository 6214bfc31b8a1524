package org.jobsearch.gateway.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class LoginAttemptGuardTest {

    private Instant now = Instant.parse("2026-11-25T10:00:00Z");
    private final LoginAttemptGuard guard = new LoginAttemptGuard(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void locksAfterFiveFailuresWithinTheWindowAndUnlocksWhenTheyAge() {
        for (int i = 0; i < 4; i++) {
            guard.recordFailure("Alice", "10.0.0.1");
        }
        assertThat(guard.isLocked("alice", "10.0.0.1")).isFalse();
        guard.recordFailure("alice", "10.0.0.1");
        assertThat(guard.isLocked("ALICE", "10.0.0.1")).as("names compare without case").isTrue();
        assertThat(guard.isLocked("alice", "10.0.0.2")).as("another address is not locked").isFalse();

        now = now.plus(LoginAttemptGuard.WINDOW).plus(Duration.ofSeconds(1));
        assertThat(guard.isLocked("alice", "10.0.0.1")).isFalse();
    }

    @Test
    void aSuccessfulSignInForgetsEarlierFailures() {
        for (int i = 0; i < 4; i++) {
            guard.recordFailure("bob", "10.0.0.1");
        }
        guard.recordSuccess("bob", "10.0.0.1");
        guard.recordFailure("bob", "10.0.0.1");
        assertThat(guard.isLocked("bob", "10.0.0.1")).isFalse();
    }
}
