package org.jobsearch.tracker.metrics;

import java.util.List;
import java.util.Map;

/** Every section of the metrics dashboard, over the applications a {@link MetricsFilter} selects. */
public record Dashboard(Summary summary, CallbackAnalysis callbacks, RejectionAnalysis rejections,
                        Timeline timeline, Funnel funnel, Conversion interviewToOffer,
                        FirstResponse timeToFirstResponse) {

    /** A count and its share of the section's whole, %. */
    public record Share(String value, long count, double percent) {
    }

    /** The overall summary: every share is of {@code total}. */
    public record Summary(long total, Share callbacks, Share rejected, Share closed, Share noResponse) {
    }

    /** Over callbacks only: per dimension, each value with callbacks, its count and share of all callbacks. */
    public record CallbackAnalysis(long total, Map<String, List<Share>> dimensions) {
    }

    /** The rejection total and, per dimension, the three values with most rejections (share of all rejections). */
    public record RejectionAnalysis(long total, Map<String, List<Share>> top) {
    }

    /**
     * @param interviewed applications with at least one interview that was not cancelled
     * @param offers      of those, the ones whose process ended in an offer
     */
    public record Conversion(long interviewed, long offers, double percent) {
    }

    /**
     * Time from applying to the first status after {@code no_response} (callback, rejected or closed).
     *
     * @param responded  applications that have had such a change
     * @param medianHours the median of their times, in hours (one decimal); null when none responded
     */
    public record FirstResponse(long responded, Double medianHours) {
    }
}
