package org.jobsearch.tracker.metrics;

import java.math.BigDecimal;

/**
 * The reference's salary buckets: below the base, three steps from it, and everything from base + 3 steps up, e.g.
 * base $100k step $20k: "&lt; $100k", "$100k - $120k", "$120k - $140k", "$140k - $160k", "&gt;= $160k". The SQL
 * ({@link MetricsQueries}) puts a salary in bucket -1 (below), 0–2, or 3 (top); this names the buckets.
 */
public final class SalaryBuckets {

    /** Index of the top, open-ended bucket. */
    public static final int TOP = 3;

    private SalaryBuckets() {
    }

    /** The bucket of {@code salary}, as the SQL computes it; null for an unknown salary. */
    public static Integer index(Integer salary, int base, int step) {
        if (salary == null) {
            return null;
        }
        if (salary < base) {
            return -1;
        }
        return (int) Math.min(TOP, ((long) salary - base) / step);
    }

    public static String label(int index, int base, int step) {
        if (index < 0) {
            return "< " + money(base);
        }
        if (index >= TOP) {
            return ">= " + money(base + (long) TOP * step);
        }
        return money(base + (long) index * step) + " - " + money(base + (long) (index + 1) * step);
    }

    /** $100k, $95.5k, $900 */
    static String money(long dollars) {
        if (dollars < 1000) {
            return "$" + dollars;
        }
        return "$" + BigDecimal.valueOf(dollars).movePointLeft(3).stripTrailingZeros().toPlainString() + "k";
    }
}
