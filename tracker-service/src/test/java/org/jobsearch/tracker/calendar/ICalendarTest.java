package org.jobsearch.tracker.calendar;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 5545 formatting: escaping, folding, UTC times. */
class ICalendarTest {

    @Test
    void textIsEscaped() {
        assertThat(ICalendar.escape("a\\b;c,d\ne\r\nf")).isEqualTo("a\\\\b\\;c\\,d\\ne\\nf");
    }

    @Test
    void longLinesAreFoldedAt75OctetsWithoutSplittingACharacter() {
        StringBuilder out = new StringBuilder();
        String value = "DESCRIPTION:" + "é".repeat(100);
        ICalendar.line(out, value);

        String[] lines = out.toString().split("\r\n");
        assertThat(lines.length).isGreaterThan(2);
        for (String line : lines) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        for (int i = 1; i < lines.length; i++) {
            assertThat(lines[i]).startsWith(" ");
        }
        // unfolding (remove CRLF + one space) gives the line back
        assertThat(out.toString().replace("\r\n ", "").replace("\r\n", "")).isEqualTo(value);
    }

    @Test
    void documentHasOneEventPerInterviewInUtc() {
        String ics = ICalendar.of("Interviews", Instant.parse("2025-05-01T08:00:00Z"), List.of(
                new ICalendar.Event("i-1@tracker.jobsearch", Instant.parse("2025-05-02T16:30:00Z"),
                        Instant.parse("2025-05-02T17:30:00Z"), "Technical screen – Acme, Inc.", "Room 4; ask Bob")));

        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics).contains("\r\nUID:i-1@tracker.jobsearch\r\n", "\r\nDTSTART:20250502T163000Z\r\n",
                "\r\nDTSTAMP:20250501T080000Z\r\n", "\r\nSUMMARY:Technical screen – Acme\\, Inc.\r\n",
                "\r\nDESCRIPTION:Room 4\\; ask Bob\r\n");
        assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(2);
    }
}
