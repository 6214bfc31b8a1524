package org.jobsearch.tracker.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The dashboard's percentages: one decimal, half up, and 0 when there is nothing to divide by (the reference's). */
public final class Percent {

    private Percent() {
    }

    public static double of(long part, long whole) {
        if (whole == 0) {
            return 0;
        }
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP).doubleValue();
    }
}
