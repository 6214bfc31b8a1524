package org.jobsearch.tracker.metrics;

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

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jobsearch.tracker.TrackerTestSupport.json;

/** Every dashboard section over a small known data set, and filters that change it. */
@TrackerIntegrationTest
class MetricsApiTest {

    static final String DATA = """
            Company,Title,Role,Level,Location,Work Setting,Source,Min Years,Min Salary,Max Salary,Applied,Status,Status Date
            A,DE1,data_engineer,senior,"Seattle, WA",remote,linkedin,5,95000,150000,2025-03-03,callback,2025-03-05
            B,DE2,data_engineer,ii,"Bellevue, WA",hybrid,linkedin,3,120000,170000,2025-03-03,rejected,2025-03-04
            C,SE1,software_engineer,senior,"Austin, TX",remote,company_site,5,165000,215000,2025-03-05,callback,2025-03-06
            D,SE2,software_engineer,ii,,on_site,indeed,,,,2025-03-10,closed,2025-03-13
            E,DA1,data_analyst,i,"Chicago, IL",hybrid,linkedin,1,100000,149000,2025-03-10,,
            """;

    @LocalServerPort
    int port;
    @Autowired
    IdentityProperties identity;

    TrackerTestSupport api;
    CurrentUser owner;

    @BeforeEach
    void setUp() {
        RestTestClient http = TestHttp.client(port);
        TestUsers users = new TestUsers(identity);
        api = new TrackerTestSupport(http, users);
        owner = TestUsers.user("metrics");
        JsonNode report = json(new TransferFixture(http, users).importCsv(owner, DATA, false), 200);
        String a = report.at("/applicationIds/0").asString();
        String c = report.at("/applicationIds/2").asString();
        String soon = Instant.now().plus(3, ChronoUnit.DAYS).toString();
        interview(a, "recruiter_screen", "2025-03-07T16:00:00Z");
        interview(a, "technical_screen", soon);
        String cancelled = json(api.post(owner, "/api/tracker/applications/" + a + "/interviews",
                "{\"stage\":\"final_loop\",\"scheduledAt\":\"" + soon + "\"}"), 201).get("id").asString();
        json(api.post(owner, "/api/tracker/applications/" + a + "/interviews/" + cancelled + "/cancel", ""), 200);
        interview(c, "recruiter_screen", "2025-03-08T16:00:00Z");
        json(api.put(owner, "/api/tracker/applications/" + c + "/outcome",
                "{\"outcome\":\"offer\",\"date\":\"2025-03-20\"}"), 200);
    }

    private void interview(String application, String stage, String at) {
        json(api.post(owner, "/api/tracker/applications/" + application + "/interviews",
                "{\"stage\":\"" + stage + "\",\"scheduledAt\":\"" + at + "\"}"), 201);
    }

    @Test
    void everySectionHasTheExactNumbers() {
        JsonNode m = json(api.get(owner, "/api/tracker/metrics?from=2025-03-03&to=2025-03-10"), 200);

        assertThat(m.at("/summary/total").asInt()).isEqualTo(5);
        assertThat(m.at("/summary/callbacks/count").asInt()).isEqualTo(2);
        assertThat(m.at("/summary/callbacks/percent").asDouble()).isEqualTo(40.0);
        assertThat(m.at("/summary/rejected/percent").asDouble()).isEqualTo(20.0);
        assertThat(m.at("/summary/closed/count").asInt()).isEqualTo(1);
        assertThat(m.at("/summary/noResponse/count").asInt()).isEqualTo(1);

        assertThat(m.at("/callbacks/total").asInt()).isEqualTo(2);
        assertThat(m.at("/callbacks/dimensions/role").toString()).isEqualTo(
                "[{\"value\":\"data_engineer\",\"count\":1,\"percent\":50.0},"
                        + "{\"value\":\"software_engineer\",\"count\":1,\"percent\":50.0}]");
        assertThat(m.at("/callbacks/dimensions/location").findValuesAsString("value"))
                .containsExactly("Austin, TX", "Greater Seattle Area");
        assertThat(m.at("/callbacks/dimensions/minSalary").findValuesAsString("value"))
                .containsExactly("< $100k", ">= $160k");
        assertThat(m.at("/callbacks/dimensions/maxSalary").findValuesAsString("value"))
                .containsExactly("$150k - $170k", ">= $210k");
        assertThat(m.at("/callbacks/dimensions/minYears/0/value").asString()).isEqualTo("5");
        assertThat(m.at("/callbacks/dimensions/minYears/0/percent").asDouble()).isEqualTo(100.0);

        assertThat(m.at("/rejections/total").asInt()).isEqualTo(1);
        assertThat(m.at("/rejections/top/location/0/value").asString()).isEqualTo("Greater Seattle Area");
        assertThat(m.at("/rejections/top/source/0/value").asString()).isEqualTo("linkedin");

        JsonNode points = m.at("/timeline/points");
        assertThat(points).hasSize(8);
        assertThat(points.findValuesAsString("date")).startsWith("2025-03-03").endsWith("2025-03-10");
        assertThat(points.findValues("applications")).extracting(JsonNode::asInt).containsExactly(2, 0, 1, 0, 0, 0, 0, 2);
        assertThat(points.findValues("callbacks")).extracting(JsonNode::asInt).containsExactly(1, 0, 1, 0, 0, 0, 0, 0);
        assertThat(points.get(7).get("cumulativeCallbackRate").asDouble()).isEqualTo(40.0);

        assertThat(m.at("/funnel/steps").findValuesAsString("stage")).containsExactly("applied", "callback",
                "recruiter_screen", "hiring_manager_screen", "technical_screen", "prep_call", "final_loop",
                "team_match", "offer");
        assertThat(m.at("/funnel/steps").findValues("count")).extracting(JsonNode::asInt)
                .containsExactly(5, 2, 2, 1, 1, 0, 0, 0, 1);
        assertThat(m.at("/interviewToOffer/interviewed").asInt()).isEqualTo(2);
        assertThat(m.at("/interviewToOffer/offers").asInt()).isEqualTo(1);
        assertThat(m.at("/interviewToOffer/percent").asDouble()).isEqualTo(50.0);
        assertThat(m.at("/timeToFirstResponse/responded").asInt()).isEqualTo(4);
        assertThat(m.at("/timeToFirstResponse/medianHours").asDouble()).isEqualTo(36.0);
    }

    @Test
    void filtersChangeEverySection() {
        JsonNode roles = json(api.get(owner, "/api/tracker/metrics?role=data_engineer&role=data_analyst"), 200);
        assertThat(roles.at("/summary/total").asInt()).isEqualTo(3);
        assertThat(roles.at("/summary/callbacks/percent").asDouble()).isEqualTo(33.3);
        assertThat(roles.at("/funnel/steps/8/count").asInt()).isZero();

        JsonNode places = json(api.get(owner,
                "/api/tracker/metrics?location=Greater Seattle Area&location=Not specified"), 200);
        assertThat(places.at("/summary/total").asInt()).isEqualTo(3);

        JsonNode later = json(api.get(owner, "/api/tracker/metrics?from=2025-03-05&workSetting=remote&workSetting=on_site"), 200);
        assertThat(later.at("/summary/total").asInt()).isEqualTo(2);
        assertThat(later.at("/timeline/points/0/date").asString()).isEqualTo("2025-03-05");

        JsonNode weekly = json(api.get(owner, "/api/tracker/metrics?interval=week"), 200);
        assertThat(weekly.at("/timeline/points").findValues("applications")).extracting(JsonNode::asInt)
                .containsExactly(3, 2);
    }

    @Test
    void deepDiveForAnyDimension() {
        JsonNode rows = json(api.get(owner, "/api/tracker/metrics/deep-dive?dimension=location"), 200);
        assertThat(rows.get(0).toString()).isEqualTo("{\"value\":\"Greater Seattle Area\",\"total\":2,\"callbacks\":1,"
                + "\"callbackRate\":50.0,\"rejected\":1,\"closed\":0,\"noResponse\":0}");
        assertThat(rows.findValuesAsString("value")).containsExactly("Greater Seattle Area", "Austin, TX",
                "Greater Chicago Area", "Not specified");

        JsonNode salaries = json(api.get(owner, "/api/tracker/metrics/deep-dive?dimension=minSalary&source=linkedin"), 200);
        assertThat(salaries.findValuesAsString("value")).containsExactly("$100k - $120k", "$120k - $140k", "< $100k");

        JsonNode bad = json(api.get(owner, "/api/tracker/metrics/deep-dive?dimension=colour"), 400);
        assertThat(bad.at("/errors/0/parameter").asString()).isEqualTo("dimension");
        assertThat(json(api.get(owner, "/api/tracker/metrics?from=2025-03-10&to=2025-03-01"), 400)
                .at("/errors/0/parameter").asString()).isEqualTo("to");
    }

    @Test
    void anotherUserSeesNothingOfIt() {
        JsonNode m = json(api.get(TestUsers.user("stranger"), "/api/tracker/metrics"), 200);
        assertThat(m.at("/summary/total").asInt()).isZero();
        assertThat(m.at("/timeline/points")).isEmpty();
        assertThat(m.at("/timeToFirstResponse/medianHours").isNull()).isTrue();
        assertThat(json(api.get(TestUsers.user("stranger"), "/api/tracker/metrics/deep-dive?dimension=role"), 200))
                .isEmpty();
    }
}
