package org.jobsearch.tracker.metrics;

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
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jobsearch.tracker.TrackerTestSupport.json;

/**
 * The dashboard counts from {@code application_metrics} (V6), a copy kept by triggers of the job's dimensions, the
 * status, outcome, first response and furthest interview stage. After every kind of write the copy must equal what
 * the source tables say, and the dashboard must show it.
 */
@TrackerIntegrationTest
class MetricsReadModelTest {

    private static final String JOBS = "/api/tracker/jobs";
    private static final String APPLICATIONS = "/api/tracker/applications";

    /** The read model derived from scratch from the tables it copies (as V6's backfill does). */
    private static final String DERIVED = """
            select a.id::text as application, a.status, a.outcome, nullif(btrim(j.role), '') as role,
                   nullif(btrim(j.specialization), '') as specialization, nullif(btrim(j.level), '') as level,
                   j.location, j.work_setting, nullif(btrim(j.source), '') as source, j.min_experience_years,
                   j.min_salary, j.max_salary, a.applied_at,
                   (select min(h.changed_at) from application_status_history h
                    where h.application_id = a.id and h.status <> 'no_response') as responded_at,
                   (select i.stage from interview i where i.application_id = a.id and i.cancelled_at is null
                    order by array_position(array['recruiter_screen', 'hiring_manager_screen', 'technical_screen',
                                                  'prep_call', 'final_loop', 'team_match'], i.stage) desc
                    limit 1) as furthest_stage
            from application a join job j on j.id = a.job_id
            where a.owner_id = ?::uuid order by a.id""";
    private static final String KEPT = """
            select application_id::text as application, status, outcome, role, specialization, level, location,
                   work_setting, source, min_experience_years, min_salary, max_salary, applied_at, responded_at,
                   furthest_stage
            from application_metrics where owner_id = ?::uuid order by application_id""";

    @LocalServerPort
    int port;
    @Autowired
    IdentityProperties identity;
    @Autowired
    JdbcTemplate jdbc;

    TrackerTestSupport api;
    CurrentUser owner;

    @BeforeEach
    void setUp() {
        api = new TrackerTestSupport(TestHttp.client(port),
                new TestUsers(identity));
        owner = TestUsers.user("read-model");
    }

    @AfterEach
    void tearDown() {
        api.close();
    }

    @Test
    void everyWriteKeepsTheCopyEqualToItsSourcesAndTheDashboardShowsIt() {
        String job = json(api.post(owner, JOBS, job("data_engineer", "Seattle, WA", 120000)), 201).get("id").asString();
        String app = json(api.post(owner, APPLICATIONS, """
                {"jobId": "%s", "appliedAt": "2025-04-01T10:00:00Z"}""".formatted(job)), 201).get("id").asString();
        String other = json(api.post(owner, APPLICATIONS, """
                {"company": "Other", "title": "Analyst", "source": "indeed", "appliedAt": "2025-04-02T10:00:00Z"}"""),
                201).get("id").asString();
        assertKeptInSync(2);
        JsonNode fresh = dashboard();
        assertThat(fresh.at("/timeToFirstResponse/responded").asInt()).isZero();
        assertThat(fresh.at("/interviewToOffer/interviewed").asInt()).isZero();

        // a callback: the status and the first response
        json(api.post(owner, APPLICATIONS + "/" + app + "/status",
                "{\"status\": \"callback\", \"changedAt\": \"2025-04-03T10:00:00Z\"}"), 200);
        json(api.post(owner, APPLICATIONS + "/" + other + "/status",
                "{\"status\": \"rejected\", \"changedAt\": \"2025-04-02T16:00:00Z\"}"), 200);
        assertKeptInSync(2);
        JsonNode answered = dashboard();
        assertThat(answered.at("/summary/callbacks/count").asInt()).isEqualTo(1);
        assertThat(answered.at("/summary/rejected/count").asInt()).isEqualTo(1);
        assertThat(answered.at("/timeToFirstResponse/responded").asInt()).isEqualTo(2);
        assertThat(answered.at("/timeToFirstResponse/medianHours").asDouble()).isEqualTo(27.0); // (6 h + 48 h) / 2

        // interviews: scheduled, moved to a later stage, a later one cancelled
        String interviews = APPLICATIONS + "/" + app + "/interviews";
        String screen = json(api.post(owner, interviews, interview("recruiter_screen", "2025-04-05T16:00:00Z")), 201)
                .get("id").asString();
        assertKeptInSync(2);
        assertThat(stageCounts(dashboard())).containsExactly(1, 0, 0, 0, 0, 0);
        json(api.put(owner, interviews + "/" + screen, interview("technical_screen", "2025-04-06T16:00:00Z")), 200);
        String loop = json(api.post(owner, interviews, interview("final_loop", "2025-04-09T16:00:00Z")), 201)
                .get("id").asString();
        assertKeptInSync(2);
        assertThat(stageCounts(dashboard())).containsExactly(1, 1, 1, 1, 1, 0);
        json(api.post(owner, interviews + "/" + loop + "/cancel", ""), 200);
        assertKeptInSync(2);
        JsonNode cancelled = dashboard();
        assertThat(stageCounts(cancelled)).containsExactly(1, 1, 1, 0, 0, 0);
        assertThat(cancelled.at("/interviewToOffer/interviewed").asInt()).isEqualTo(1);

        // the outcome
        json(api.put(owner, APPLICATIONS + "/" + app + "/outcome",
                "{\"outcome\":\"offer\",\"date\":\"2025-04-20\"}"), 200);
        assertKeptInSync(2);
        assertThat(dashboard().at("/interviewToOffer/offers").asInt()).isEqualTo(1);

        // the job edited: its application counts under the new role, location and salary bucket
        json(api.put(owner, JOBS + "/" + job, job("software_engineer", "Austin, TX", 170000)), 200);
        assertKeptInSync(2);
        JsonNode edited = dashboard();
        assertThat(edited.at("/callbacks/dimensions/role/0/value").asString()).isEqualTo("software_engineer");
        assertThat(edited.at("/callbacks/dimensions/location/0/value").asString()).isEqualTo("Austin, TX");
        assertThat(edited.at("/callbacks/dimensions/minSalary/0/value").asString()).isEqualTo(">= $160k");
        assertThat(json(api.get(owner, "/api/tracker/metrics?role=data_engineer"), 200).at("/summary/total").asInt())
                .isZero();
    }

    private void assertKeptInSync(int applications) {
        List<Map<String, Object>> derived = jdbc.queryForList(DERIVED, owner.id().toString());
        assertThat(derived).hasSize(applications);
        assertThat(jdbc.queryForList(KEPT, owner.id().toString())).isEqualTo(derived);
    }

    private JsonNode dashboard() {
        return json(api.get(owner, "/api/tracker/metrics"), 200);
    }

    /** Applications that reached each interview stage, in funnel order. */
    private static List<Integer> stageCounts(JsonNode dashboard) {
        return dashboard.at("/funnel/steps").findValues("count").stream().map(JsonNode::asInt).toList()
                .subList(2, 8);
    }

    private static String job(String role, String location, int minSalary) {
        return """
                {"source": "linkedin", "company": "Fabrikam", "listingJobTitle": "Engineer", "role": "%s",
                 "specialization": "platform", "level": "senior", "location": "%s", "workSetting": "hybrid",
                 "minExperienceYears": 4, "minSalary": %d, "maxSalary": %d}"""
                .formatted(role, location, minSalary, minSalary + 40000);
    }

    private static String interview(String stage, String at) {
        return "{\"stage\": \"" + stage + "\", \"scheduledAt\": \"" + at + "\"}";
    }
}
