package org.jobsearch.tracker.calendar;

import org.jobsearch.identity.CurrentUser;
import org.jobsearch.identity.IdentityProperties;
import org.jobsearch.testkit.TestHttp;
import org.jobsearch.tracker.TestUsers;
import org.jobsearch.tracker.TrackerIntegrationTest;
import org.jobsearch.tracker.TrackerTestSupport;
import org.jobsearch.tracker.transfer.TransferFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jobsearch.tracker.TrackerTestSupport.json;

/** The calendar feed, read without a token by its secret URL. */
@TrackerIntegrationTest
class CalendarFeedTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityProperties identity;

    RestTestClient http;
    TrackerTestSupport api;
    TransferFixture transfer;

    @BeforeEach
    void setUp() {
        http = TestHttp.client(port);
        TestUsers users = new TestUsers(identity);
        api = new TrackerTestSupport(http, users);
        transfer = new TransferFixture(http, users);
    }

    private String callback(CurrentUser user, String company) {
        return json(transfer.importCsv(user, "company,title,applied,status\n\"" + company + "\",Engineer,2025-01-01,callback\n",
                false), 200).at("/applicationIds/0").asString();
    }

    private String interview(CurrentUser user, String application, String stage, Instant at, String notes) {
        return json(api.post(user, "/api/tracker/applications/" + application + "/interviews",
                "{\"stage\":\"" + stage + "\",\"scheduledAt\":\"" + at + "\",\"notes\":\"" + notes + "\"}"), 201)
                .get("id").asString();
    }

    @Test
    void feedListsTheOwnersUpcomingInterviewsOnly() {
        CurrentUser owner = TestUsers.user("owner");
        String application = callback(owner, "Acme, Inc.");
        Instant tomorrow = Instant.parse("2099-05-02T16:30:00Z");
        String upcoming = interview(owner, application, "technical_screen", tomorrow, "Zoom; ask for Bob");
        interview(owner, application, "recruiter_screen", Instant.now().minus(1, ChronoUnit.DAYS), "past");
        String cancelled = interview(owner, application, "final_loop", tomorrow.plus(2, ChronoUnit.DAYS), "x");
        json(api.post(owner, "/api/tracker/applications/" + application + "/interviews/" + cancelled + "/cancel", ""),
                200);
        CurrentUser other = TestUsers.user("other");
        interview(other, callback(other, "Globex"), "team_match", tomorrow, "other's");

        String path = json(api.post(owner, "/api/tracker/calendar/feed-url", ""), 200).get("path").asString();
        assertThat(path).matches("/api/tracker/calendar/[A-Za-z0-9_-]{43}\\.ics");

        String ics = http.get().uri(path).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(new MediaType("text", "calendar"))
                .returnResult(String.class).getResponseBody();
        assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(2);
        assertThat(ics).contains("UID:" + upcoming + "@tracker.jobsearch\r\n", "DTSTART:20990502T163000Z\r\n",
                "SUMMARY:Technical screen – Acme\\, Inc.\r\n", "Zoom\\; ask for Bob");
        assertThat(ics).doesNotContain("Globex", "past", "Final loop");
    }

    @Test
    void rotatingInvalidatesTheOldUrlAndUnknownSecretsAre404() {
        CurrentUser owner = TestUsers.user("owner");
        String first = json(api.post(owner, "/api/tracker/calendar/feed-url", ""), 200).get("path").asString();
        String second = json(api.post(owner, "/api/tracker/calendar/feed-url", ""), 200).get("path").asString();

        assertThat(second).isNotEqualTo(first);
        http.get().uri(first).exchange().expectStatus().isNotFound();
        http.get().uri(second).exchange().expectStatus().isOk();
        http.get().uri("/api/tracker/calendar/not-a-secret.ics").exchange().expectStatus().isNotFound();
        // making the URL needs the user's token
        http.post().uri("/api/tracker/calendar/feed-url").exchange().expectStatus().isUnauthorized();
    }
}
