package org.jobsearch.tracker.metrics;

/**
 * One value of a dimension with its applications by status: a row of the deep-dive table.
 *
 * @param callbackRate callbacks ÷ total, %
 */
public record DimensionRow(String value, long total, long callbacks, double callbackRate, long rejected, long closed,
                           long noResponse) {
}
