package org.jobsearch.tracker.settings;

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
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jobsearch.tracker.TrackerTestSupport.json;

/** Location groups and salary buckets: defaults, validation, owner scope, and their effect on the metrics. */
@TrackerIntegrationTest
class SettingsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityProperties identity;

    TrackerTestSupport api;
    TransferFixture transfer;

    @BeforeEach
    void setUp() {
        RestTestClient http = TestHttp.client(port);
        TestUsers users = new TestUsers(identity);
        api = new TrackerTestSupport(http, users);
        transfer = new TransferFixture(http, users);
    }

    @Test
    void defaultsAreTheReferences() {
        JsonNode settings = json(api.get(TestUsers.user("new"), "/api/tracker/settings"), 200);
        assertThat(settings.get("minSalaryBase").asInt()).isEqualTo(100_000);
        assertThat(settings.get("maxSalaryBase").asInt()).isEqualTo(150_000);
        assertThat(settings.get("salaryStep").asInt()).isEqualTo(20_000);
        assertThat(settings.get("locationGroups").findValuesAsString("name")).containsExactly(
                "Greater Seattle Area", "Greater Chicago Area", "Greater Milwaukee Area");
    }

    @Test
    void invalidSettingsNameTheField() {
        CurrentUser user = TestUsers.user("picky");
        JsonNode bad = json(api.put(user, "/api/tracker/settings", """
                {"locationGroups": [{"name": " ", "patterns": ["austin"]}], "minSalaryBase": -1,
                 "maxSalaryBase": 150000, "salaryStep": 0}"""), 400);
        assertThat(bad.get("errors").findValuesAsString("pointer"))
                .containsExactly("/locationGroups/0/name", "/minSalaryBase", "/salaryStep");

        JsonNode clash = json(api.put(user, "/api/tracker/settings", """
                {"locationGroups": [{"name": "Texas", "patterns": ["austin"]},
                                    {"name": "Central", "patterns": ["dallas", "Austin"]}],
                 "minSalaryBase": 100000, "maxSalaryBase": 150000, "salaryStep": 20000}"""), 422);
        assertThat(clash.at("/errors/0/pointer").asString()).isEqualTo("/locationGroups/1/patterns/1");
        assertThat(json(api.get(user, "/api/tracker/settings"), 200).get("salaryStep").asInt()).isEqualTo(20_000);
    }

    @Test
    void savedSettingsShapeTheMetricsOfTheirOwnerOnly() {
        CurrentUser user = TestUsers.user("texan");
        String sheet = """
                company,title,location,min salary,applied
                A,T,"Austin, TX",95000,2025-01-01
                B,T,"Dallas, TX",130000,2025-01-02
                C,T,"Seattle, WA",,2025-01-03
                """;
        json(transfer.importCsv(user, sheet, false), 200);
        JsonNode saved = json(api.put(user, "/api/tracker/settings", """
                {"locationGroups": [{"name": "Texas", "patterns": ["austin", "Dallas"]}],
                 "minSalaryBase": 90000, "maxSalaryBase": 150000, "salaryStep": 10000}"""), 200);
        assertThat(saved.at("/locationGroups/0/patterns/1").asString()).isEqualTo("dallas");

        JsonNode locations = json(api.get(user, "/api/tracker/metrics/deep-dive?dimension=location"), 200);
        assertThat(locations.findValuesAsString("value")).containsExactly("Texas", "Seattle, WA");
        JsonNode salaries = json(api.get(user, "/api/tracker/metrics/deep-dive?dimension=minSalary"), 200);
        assertThat(salaries.findValuesAsString("value")).containsExactly("$90k - $100k", ">= $120k");

        CurrentUser other = TestUsers.user("other");
        json(transfer.importCsv(other, sheet, false), 200);
        assertThat(json(api.get(other, "/api/tracker/metrics/deep-dive?dimension=location"), 200)
                .findValuesAsString("value")).containsExactly("Austin, TX", "Dallas, TX", "Greater Seattle Area");
    }
}
