package org.jobsearch.tracker.transfer;

import org.jobsearch.identity.CurrentUser;
import org.jobsearch.tracker.TestUsers;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Posting spreadsheets to the import endpoint, for every test that needs data in bulk. */
public final class TransferFixture {

    private final RestTestClient http;
    private final TestUsers users;

    public TransferFixture(RestTestClient http, TestUsers users) {
        this.http = http;
        this.users = users;
    }

    public RestTestClient.ResponseSpec importCsv(CurrentUser user, String csv, boolean dryRun) {
        return http.post().uri("/api/tracker/imports?dryRun=" + dryRun)
                .header(HttpHeaders.AUTHORIZATION, users.bearer(user))
                .header(HttpHeaders.CONTENT_TYPE, "text/csv").body(csv).exchange();
    }

    public String exportCsv(CurrentUser user) {
        return http.get().uri("/api/tracker/exports/applications.csv")
                .header(HttpHeaders.AUTHORIZATION, users.bearer(user)).exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseBody();
    }
}
