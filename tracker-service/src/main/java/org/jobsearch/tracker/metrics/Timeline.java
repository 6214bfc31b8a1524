package org.jobsearch.tracker.metrics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applications and callbacks per day or week, with no gaps: every bucket from the first to the last date is present,
 * empty ones as 0 (the reference's doc asks for zero-filled timelines). Each point also carries the running totals
 * and the cumulative callback rate up to it, as the reference's "Callbacks Over Time (with Running Metrics)".
 *
 * @param points oldest first
 */
public record Timeline(Interval interval, LocalDate from, LocalDate to, List<Point> points) {

    /** Most buckets one answer holds (ten years of days); a longer range needs weeks. */
    public static final int MAX_POINTS = 3660;

    public record Point(LocalDate date, long applications, long callbacks, long cumulativeApplications,
                        long cumulativeCallbacks, double cumulativeCallbackRate) {
    }

    /** One day's counts, as the SQL returns them. */
    public record Day(long applications, long callbacks) {
    }

    /**
     * @param days counts per date (in the user's zone); dates outside {@code from..to} are ignored
     * @throws IllegalArgumentException if the range needs more than {@link #MAX_POINTS} buckets
     */
    public static Timeline zeroFilled(Interval interval, LocalDate from, LocalDate to, Map<LocalDate, Day> days) {
        if (from == null || to == null || to.isBefore(from)) {
            return new Timeline(interval, from, to, List.of());
        }
        List<Point> points = new ArrayList<>();
        long totalApplications = 0;
        long totalCallbacks = 0;
        for (LocalDate start = interval.start(from); !start.isAfter(to); start = interval.next(start)) {
            if (points.size() == MAX_POINTS) {
                throw new IllegalArgumentException("the range " + from + ".." + to + " has more than " + MAX_POINTS
                        + " " + interval.name().toLowerCase(java.util.Locale.ROOT) + "s");
            }
            long applications = 0;
            long callbacks = 0;
            LocalDate end = interval.next(start);
            for (LocalDate day = start.isBefore(from) ? from : start; day.isBefore(end) && !day.isAfter(to);
                 day = day.plusDays(1)) {
                Day counts = days.get(day);
                if (counts != null) {
                    applications += counts.applications();
                    callbacks += counts.callbacks();
                }
            }
            totalApplications += applications;
            totalCallbacks += callbacks;
            points.add(new Point(start, applications, callbacks, totalApplications, totalCallbacks,
                    Percent.of(totalCallbacks, totalApplications)));
        }
        return new Timeline(interval, from, to, List.copyOf(points));
    }
}
