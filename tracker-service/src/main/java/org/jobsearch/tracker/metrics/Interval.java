package org.jobsearch.tracker.metrics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** A timeline's bucket: a day, or an ISO week (starting Monday, labelled by its Monday). */
public enum Interval {
    DAY, WEEK;

    LocalDate start(LocalDate date) {
        return this == DAY ? date : date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    LocalDate next(LocalDate start) {
        return this == DAY ? start.plusDays(1) : start.plusWeeks(1);
    }
}
