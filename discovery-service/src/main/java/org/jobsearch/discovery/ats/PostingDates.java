package org.jobsearch.discovery.ats;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Posted dates as the platforms write them, as dates in the fetching clock's zone. */
final class PostingDates {

    private static final Pattern WORKDAY_RELATIVE =
            Pattern.compile("(?i)\\s*posted\\s+(?:(today)|(yesterday)|(\\d{1,4})\\+?\\s+days?\\s+ago)\\s*");

    private PostingDates() {
    }

    /** Workday's "Posted Today", "Posted Yesterday", "Posted 3 Days Ago", "Posted 30+ Days Ago"; null otherwise. */
    static LocalDate workdayRelative(String postedOn, Clock clock) {
        if (postedOn == null) {
            return null;
        }
        Matcher m = WORKDAY_RELATIVE.matcher(postedOn);
        if (!m.matches()) {
            return null;
        }
        LocalDate today = LocalDate.now(clock);
        if (m.group(1) != null) {
            return today;
        }
        if (m.group(2) != null) {
            return today.minusDays(1);
        }
        return today.minusDays(Long.parseLong(m.group(3)));
    }

    /** An ISO date, date-time with offset, or local date-time; null if blank or unreadable. */
    static LocalDate iso(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t).atZoneSameInstant(zone).toLocalDate();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(t).toLocalDate();
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t);
                } catch (DateTimeParseException unreadable) {
                    return null;
                }
            }
        }
    }

    static LocalDate epochMillis(long millis, ZoneId zone) {
        return millis <= 0 ? null : Instant.ofEpochMilli(millis).atZone(zone).toLocalDate();
    }
}
