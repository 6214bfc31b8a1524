package org.jobsearch.discovery.ats;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * A published pay range.
 *
 * @param min      lower bound, null if only a summary is given
 * @param max      upper bound, null if only a summary is given
 * @param currency ISO 4217 code, null if not given
 * @param interval what the amounts are per, null if not given
 * @param summary  the source's own wording, e.g. "$150K – $190K • Offers Equity"
 */
public record Compensation(BigDecimal min, BigDecimal max, String currency, Interval interval, String summary) {

    public enum Interval { HOUR, DAY, WEEK, MONTH, YEAR;

        /** Reads "1 YEAR" (Ashby), "per-year-salary" (Lever) and the like; null when the text names no unit. */
        static Interval parse(String text) {
            if (text == null) {
                return null;
            }
            String t = text.toLowerCase(Locale.ROOT);
            for (Interval interval : values()) {
                if (t.contains(interval.name().toLowerCase(Locale.ROOT))) {
                    return interval;
                }
            }
            return t.contains("annual") ? YEAR : null;
        }
    }

    public Compensation {
        if (summary != null && summary.isBlank()) {
            summary = null;
        }
        if (currency != null) {
            currency = currency.isBlank() ? null : currency.strip().toUpperCase(Locale.ROOT);
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            BigDecimal swap = min;
            min = max;
            max = swap;
        }
    }

    /** A range when any part of it is known, otherwise null. */
    static Compensation of(BigDecimal min, BigDecimal max, String currency, Interval interval, String summary) {
        boolean summaryGiven = summary != null && !summary.isBlank();
        return min == null && max == null && !summaryGiven ? null
                : new Compensation(min, max, currency, interval, summary);
    }
}
