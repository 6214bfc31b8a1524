package org.jobsearch.tracker.calendar;

import org.jobsearch.tracker.interview.InterviewService;
import org.jobsearch.tracker.interview.InterviewView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Each user's iCalendar feed of upcoming interviews, at a URL that carries a 256-bit random secret (calendar apps
 * cannot sign in). Only the secret's SHA-256 is stored, the secret itself is shown once, when made; making a new one
 * replaces the old, whose URL then stops working.
 */
@Service
@Transactional(readOnly = true)
public class CalendarFeedService {

    /** Where the feed is served; the secret goes between this and {@code .ics}. */
    public static final String PATH_PREFIX = "/api/tracker/calendar/";
    /** Most interviews one feed holds. */
    static final int MAX_EVENTS = 500;
    /** Interviews carry no duration; calendars need one. */
    static final Duration DEFAULT_LENGTH = Duration.ofHours(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final InterviewService interviews;

    CalendarFeedService(JdbcClient jdbc, InterviewService interviews) {
        this.jdbc = jdbc;
        this.interviews = interviews;
    }

    /** A new secret feed path for the owner ({@code /api/tracker/calendar/<secret>.ics}); the old one stops working. */
    @Transactional
    public String rotate(UUID ownerId) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.sql("""
                        insert into calendar_feed (owner_id, secret_hash, created_at) values (?, ?, ?)
                        on conflict (owner_id) do update set secret_hash = excluded.secret_hash,
                            created_at = excluded.created_at""")
                .params(ownerId, hash(encoded), Timestamp.from(Instant.now()))
                .update();
        return PATH_PREFIX + encoded + ".ics";
    }

    /** The feed whose secret this is; empty for an unknown (or rotated-out) secret. */
    public Optional<String> feed(String secret, Instant now) {
        return jdbc.sql("select owner_id from calendar_feed where secret_hash = ?")
                .param(hash(secret)).query(UUID.class).optional()
                .map(owner -> ICalendar.of("Interviews", now, events(interviews.upcoming(owner, now, MAX_EVENTS))));
    }

    private static List<ICalendar.Event> events(List<InterviewView> upcoming) {
        List<ICalendar.Event> events = new ArrayList<>();
        for (InterviewView interview : upcoming) {
            events.add(new ICalendar.Event(interview.id() + "@tracker.jobsearch", interview.scheduledAt(),
                    interview.scheduledAt().plus(DEFAULT_LENGTH),
                    label(interview.stage().value()) + " – " + interview.company(),
                    description(interview)));
        }
        return events;
    }

    private static String description(InterviewView interview) {
        StringBuilder text = new StringBuilder(interview.title());
        if (interview.format() != null) {
            text.append("\nFormat: ").append(label(interview.format().value()));
        }
        if (interview.focus() != null) {
            text.append("\nFocus: ").append(label(interview.focus().value()));
        }
        if (interview.interviewerName() != null) {
            text.append("\nInterviewer: ").append(interview.interviewerName());
            if (interview.interviewerTitle() != null) {
                text.append(" (").append(interview.interviewerTitle()).append(')');
            }
        }
        if (interview.notes() != null && !interview.notes().isBlank()) {
            text.append("\n\n").append(interview.notes());
        }
        return text.toString();
    }

    /** recruiter_screen → Recruiter screen */
    static String label(String value) {
        String words = value.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
