package org.jobsearch.tracker.transfer;

import java.util.List;
import java.util.UUID;

/**
 * What an import did, or would do ({@code dryRun}).
 *
 * @param accepted       the rows that are (or would be) imported, as read
 * @param rejected       the rows that are not, with every reason
 * @param ignoredColumns columns the importer does not know
 * @param applicationIds the applications created, in row order; empty for a dry run
 */
public record ImportReport(boolean dryRun, int rows, List<ImportRow> accepted, List<RejectedRow> rejected,
                           List<String> ignoredColumns, List<UUID> applicationIds) {
}
