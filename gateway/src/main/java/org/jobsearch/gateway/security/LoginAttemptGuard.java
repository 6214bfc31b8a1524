package org.jobsearch.gateway.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@value #MAX_FAILURES} wrong passwords for one user name from one
 * address within {@link #WINDOW}, that pair is locked for the rest of the window, whatever the
 * password (Spring Security then answers "locked" without checking it). Keyed by address as well
 * as name, so a stranger cannot lock a user out everywhere. Kept in memory: one gateway instance
 * (sessions are in memory too); a restart forgets it.
 */
@Component
class LoginAttemptGuard {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 100_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginAttemptGuard() {
        this(Clock.systemUTC());
    }

    LoginAttemptGuard(Clock clock) {
        this.clock = clock;
    }

    boolean isLocked(String username, String address) {
        Deque<Instant> recent = failures.get(key(username, address));
        if (recent == null) {
            return false;
        }
        synchronized (recent) {
            prune(recent);
            return recent.size() >= MAX_FAILURES;
        }
    }

    void recordFailure(String username, String address) {
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(recent -> {
                synchronized (recent) {
                    prune(recent);
                    return recent.isEmpty();
                }
            });
        }
        Deque<Instant> recent = failures.computeIfAbsent(key(username, address), k -> new ArrayDeque<>());
        synchronized (recent) {
            prune(recent);
            recent.addLast(clock.instant());
        }
    }

    void recordSuccess(String username, String address) {
        failures.remove(key(username, address));
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        recordFailure(event.getAuthentication().getName(), address(event.getAuthentication().getDetails()));
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        recordSuccess(event.getAuthentication().getName(), address(event.getAuthentication().getDetails()));
    }

    private void prune(Deque<Instant> recent) {
        Instant horizon = clock.instant().minus(WINDOW);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(horizon)) {
            recent.removeFirst();
        }
    }

    private static String address(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "unknown";
    }

    private static String key(String username, String address) {
        return (username == null ? "" : username.toLowerCase(Locale.ROOT)) + "|" + address;
    }
}
