package org.jobsearch.tracker.transfer;

import java.util.List;

/**
 * A spreadsheet row that was not imported, and every reason why.
 *
 * @param line the row's line in the file (the header is line 1)
 */
public record RejectedRow(long line, List<String> reasons) {

    public RejectedRow {
        reasons = List.copyOf(reasons);
    }
}
