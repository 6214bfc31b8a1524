package org.jobsearch.tracker.company;

import org.jobsearch.identity.CurrentUser;
import org.jobsearch.identity.IdentityProperties;
import org.jobsearch.testkit.TestHttp;
import org.jobsearch.tracker.TestUsers;
import org.jobsearch.tracker.TrackerIntegrationTest;
import org.jobsearch.tracker.TrackerTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jobsearch.tracker.TrackerTestSupport.json;

/** The company page: every application at one company with its derived status, filtered by active. */
@TrackerIntegrationTest
class CompanyApiTest {

    private static final String APPLICATIONS = "/api/tracker/applications";
    private static final String COMPANY = "/api/tracker/companies/{name}/applications";
    private static final String BY_NAME = "/api/tracker/companies/applications";

    @LocalServerPort
    int port;
    @Autowired
    IdentityProperties identity;

    TrackerTestSupport tracker;

    @BeforeEach
    void setUp() {
        tracker = new TrackerTestSupport(TestHttp.client(port),
                new TestUsers(identity));
    }

    @AfterEach
    void tearDown() {
        tracker.close();
    }

    @Test
    void applicationsAtACompanyShowTheirDerivedStatusNewestFirst() {
        CurrentUser sam = TestUsers.user("sam");
        String noResponse = application(sam, "Northwind Traders", "2026-01-01T09:00:00Z", null);
        String rejected = application(sam, "Northwind Traders", "2026-01-02T09:00:00Z", "rejected");
        String closed = application(sam, "Northwind Traders", "2026-01-03T09:00:00Z", "closed");
        String interviewing = application(sam, "Northwind Traders", "2026-01-04T09:00:00Z", "callback");
        String ghosted = application(sam, "Northwind Traders", "2026-01-05T09:00:00Z", "callback");
        tracker.put(sam, APPLICATIONS + "/" + ghosted + "/outcome", """
                {"outcome": "ghosted", "date": "2026-02-01"}""").expectStatus().isOk();
        application(sam, "Northwind", "2026-01-06T09:00:00Z", null);

        tracker.get(sam, COMPANY, "Northwind Traders").expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(5)
                .jsonPath("$.items[*].applicationId").isEqualTo(List.of(ghosted, interviewing, closed, rejected, noResponse))
                .jsonPath("$.items[*].companyStatus.label").isEqualTo(
                        List.of("Ghosted", "Interviewing", "Closed", "Rejected", "No Response"))
                .jsonPath("$.items[0].outcome.outcome").isEqualTo("ghosted")
                .jsonPath("$.items[0].status").isEqualTo("callback")
                .jsonPath("$.items[0].title").isEqualTo("Engineer");
        tracker.get(sam, COMPANY + "?active=true", "Northwind Traders").expectBody()
                .jsonPath("$.items[*].applicationId").isEqualTo(List.of(interviewing, noResponse))
                .jsonPath("$.items[*].companyStatus.active").isEqualTo(List.of(true, true));
        tracker.get(sam, COMPANY + "?active=false&page=1&size=2", "Northwind Traders").expectBody()
                .jsonPath("$.total").isEqualTo(3)
                .jsonPath("$.items[*].applicationId").isEqualTo(List.of(rejected));

        tracker.get(TestUsers.user("tess"), COMPANY, "Northwind Traders").expectBody()
                .jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void aCompanyWhoseNameHasASlashIsFoundByTheQueryParameter() {
        CurrentUser una = TestUsers.user("una");
        String slashed = application(una, "Procter/Gamble", "2026-01-01T09:00:00Z", "rejected");
        application(una, "Procter", "2026-01-02T09:00:00Z", null);

        tracker.get(una, BY_NAME + "?name={name}", "Procter/Gamble").expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].applicationId").isEqualTo(slashed)
                .jsonPath("$.items[0].companyStatus.label").isEqualTo("Rejected");
        tracker.get(una, BY_NAME + "?name={name}&active=true", "Procter/Gamble").expectBody()
                .jsonPath("$.total").isEqualTo(0);
        tracker.get(una, BY_NAME + "?name={name}", "Procter").expectBody()
                .jsonPath("$.total").isEqualTo(1);
        tracker.get(TestUsers.user("vic"), BY_NAME + "?name={name}", "Procter/Gamble").expectBody()
                .jsonPath("$.total").isEqualTo(0);

        JsonNode missing = json(tracker.get(una, BY_NAME), 400);
        assertThat(missing.at("/errors/0/parameter").asString()).isEqualTo("name");
        JsonNode blank = json(tracker.get(una, BY_NAME + "?name= "), 400);
        assertThat(blank.at("/errors/0/parameter").asString()).isEqualTo("name");
    }

    private String application(CurrentUser user, String company, String appliedAt, String status) {
        String id = json(tracker.post(user, APPLICATIONS, """
                {"company": "%s", "title": "Engineer", "source": "linkedin", "appliedAt": "%s"}"""
                .formatted(company, appliedAt)), 201).get("id").asString();
        if (status != null) {
            tracker.post(user, APPLICATIONS + "/" + id + "/status", "{\"status\": \"" + status + "\"}")
                    .expectStatus().isOk();
        }
        return id;
    }
}
