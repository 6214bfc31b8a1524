package org.jobsearch.discovery.ats;

import org.jobsearch.events.AtsPlatform;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One job posting as every ATS client returns it (job-board-apis.md §2.6).
 *
 * @param platform        where it was fetched from
 * @param externalId      the platform's id of the posting (Workday: the requisition id)
 * @param title           the posting's title
 * @param location        the location text (several locations joined with {@code "; "}), null if none
 * @param remote          true remote, false on-site or hybrid, null when the source does not say
 * @param postedDate      when it was posted, in the fetching clock's zone; Workday's "Posted 30+ Days Ago" gives
 *                        the latest date it can be (30 days ago); null if the source gives none
 * @param url             the public posting page
 * @param department      department (or team), null if none
 * @param compensation    pay range, null unless the source publishes one
 * @param descriptionHtml the description, sanitized (jsoup relaxed safelist without images); null if not fetched
 * @param searchTerm      the search term the platform was queried with (Workday, SmartRecruiters); null when the
 *                        whole board was fetched
 */
public record Posting(
        AtsPlatform platform,
        String externalId,
        String title,
        String location,
        Boolean remote,
        LocalDate postedDate,
        String url,
        String department,
        Compensation compensation,
        String descriptionHtml,
        String searchTerm) {

    public Posting {
        Objects.requireNonNull(platform, "platform");
        if (externalId == null || externalId.isBlank()) {
            throw new IllegalArgumentException("a posting needs an external id");
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("posting " + externalId + " needs a title");
        }
        title = title.strip();
        location = blankToNull(location);
        url = blankToNull(url);
        department = blankToNull(department);
        descriptionHtml = blankToNull(descriptionHtml);
        searchTerm = blankToNull(searchTerm);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
