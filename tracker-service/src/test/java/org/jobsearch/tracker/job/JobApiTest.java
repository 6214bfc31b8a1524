package org.jobsearch.tracker.job;

import org.jobsearch.events.EventType;
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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jobsearch.tracker.TrackerTestSupport.PATIENCE;
import static org.jobsearch.tracker.TrackerTestSupport.json;
import static org.jobsearch.tracker.TrackerTestSupport.sample;

/** Jobs from resume's {@code JdParsed} and {@code ResumeRendered} (produced to Kafka), and jobs added by hand. */
@TrackerIntegrationTest
class JobApiTest {

    private static final String JOBS = "/api/tracker/jobs";

    @LocalServerPort
    int port;
    @Autowired
    IdentityProperties identity;
    @Autowired
    JdbcTemplate jdbc;

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
    void jdParsedCreatesThenUpdatesTheJobOfItsOwnerOnly() {
        CurrentUser alice = TestUsers.user("alice");
        CurrentUser mallory = TestUsers.user("mallory");
        UUID jobId = UUID.randomUUID();
        String path = JOBS + "/" + jobId;

        ObjectNode parsed = jdParsed(alice, jobId, "2026-11-18T17:40:19Z");
        tracker.send(EventType.JD_PARSED, jobId.toString(), parsed);

        await().atMost(PATIENCE).untilAsserted(() -> tracker.get(alice, path).expectStatus().isOk());
        JsonNode job = json(tracker.get(alice, path), 200);
        assertThat(job.get("source").asString()).isEqualTo("company_site");
        assertThat(job.get("company").asString()).isEqualTo("Litware");
        assertThat(job.get("listingJobTitle").asString()).isEqualTo("Platform Engineer II — Developer Infrastructure");
        assertThat(job.get("role").asString()).isEqualTo("software_engineer");
        assertThat(job.get("specialization").asString()).isEqualTo("Platform");
        assertThat(job.get("level").asString()).isEqualTo("ii");
        assertThat(job.get("location").asString()).isEqualTo("Denver, CO");
        assertThat(job.get("workSetting").asString()).isEqualTo("hybrid");
        assertThat(job.get("minExperienceYears").asInt()).isEqualTo(3);
        assertThat(job.get("minSalary").asInt()).isEqualTo(140_000);
        assertThat(job.get("maxSalary").asInt()).isEqualTo(175_000);
        assertThat(job.get("externalJobId").asString()).isEqualTo("PE-5521");
        assertThat(job.get("sourceListingId").asString()).isEqualTo(parsed.get("sourceListingId").asString());
        assertThat(job.get("rawJd").asString()).isEqualTo(parsed.get("rawJd").asString());
        assertThat(job.get("requirements")).hasSize(6);
        assertThat(job.get("requirements").get(0).get("text").asString())
                .isEqualTo("Operate production Kubernetes (EKS) clusters with Helm or Kustomize");
        assertThat(job.get("requirements").get(0).get("relevance").asDouble()).isEqualTo(0.95);
        assertThat(job.get("requirements").get(0).get("keywords").valueStream().map(JsonNode::asString).toList())
                .containsExactly("Kubernetes", "EKS", "Helm", "Kustomize");
        assertThat(job.get("requirements").get(5).get("relevance").asDouble()).isEqualTo(0.3);
        JsonNode contract = job.get("contract");
        assertThat(contract.get("consultingCompany").asString()).isEqualTo("Contoso Talent Partners");
        assertThat(contract.get("lengthMonths").asInt()).isEqualTo(12);
        assertThat(contract.get("hourlyRateMin").asInt()).isEqualTo(70);
        assertThat(contract.get("hourlyRateMax").asInt()).isEqualTo(85);
        assertThat(contract.get("providesBenefits").asBoolean()).isTrue();
        assertThat(contract.get("providesPto").asBoolean()).isFalse();

        // a later parse replaces metadata and requirements, and a permanent role has no contract terms
        ObjectNode reparsed = jdParsed(alice, jobId, "2026-11-19T08:00:00Z");
        ((ObjectNode) reparsed.get("metadata")).put("listingJobTitle", "Senior Platform Engineer");
        ((ObjectNode) reparsed.get("metadata")).put("level", "senior");
        ArrayNode requirements = reparsed.putArray("requirements");
        requirements.addObject().put("text", "Run Kafka in production").put("relevance", 0.7)
                .putArray("keywords").add("Kafka");
        reparsed.remove("contractTerms");
        tracker.send(EventType.JD_PARSED, jobId.toString(), reparsed);

        await().atMost(PATIENCE).untilAsserted(() -> tracker.get(alice, path).expectBody()
                .jsonPath("$.listingJobTitle").isEqualTo("Senior Platform Engineer"));
        tracker.get(alice, path).expectBody()
                .jsonPath("$.level").isEqualTo("senior")
                .jsonPath("$.requirements.length()").isEqualTo(1)
                .jsonPath("$.requirements[0].text").isEqualTo("Run Kafka in production")
                .jsonPath("$.contract").doesNotExist();
        assertThat(jdbc.queryForObject("select count(*) from job_requirement where job_id = ?", Integer.class, jobId))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from contract_job where owner_id = ?", Integer.class,
                alice.id())).isZero();

        // another user's parse for alice's job id, and an older parse of alice's own, change nothing
        ObjectNode hijack = jdParsed(mallory, jobId, "2026-11-20T08:00:00Z");
        ((ObjectNode) hijack.get("metadata")).put("listingJobTitle", "Hijacked");
        ObjectNode stale = jdParsed(alice, jobId, "2026-11-18T00:00:00Z");
        tracker.send(EventType.JD_PARSED, jobId.toString(), hijack);
        tracker.send(EventType.JD_PARSED, jobId.toString(), stale);
        awaitProcessed(hijack, stale);

        tracker.get(alice, path).expectBody()
                .jsonPath("$.listingJobTitle").isEqualTo("Senior Platform Engineer")
                .jsonPath("$.requirements.length()").isEqualTo(1);
        assertThat(jdbc.queryForObject("select owner_id from job where id = ?", UUID.class, jobId)).isEqualTo(alice.id());
        tracker.get(mallory, path).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        tracker.get(mallory, JOBS).expectBody().jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void resumeRenderedVersionsAreLinkedNewestFirst() {
        CurrentUser bea = TestUsers.user("bea");
        CurrentUser mallory = TestUsers.user("mallory");
        UUID jobId = UUID.randomUUID();
        UUID resumeId = UUID.randomUUID();
        String path = JOBS + "/" + jobId;

        // the resume may arrive before its job: it waits, linked by job id
        ObjectNode second = resumeRendered(bea, resumeId, jobId, 2, "2026-11-18T17:45:00Z");
        ObjectNode first = resumeRendered(bea, resumeId, jobId, 1, "2026-11-18T17:41:00Z");
        tracker.send(EventType.RESUME_RENDERED, resumeId.toString(), second);
        tracker.send(EventType.RESUME_RENDERED, resumeId.toString(), first);
        tracker.send(EventType.JD_PARSED, jobId.toString(), jdParsed(bea, jobId, "2026-11-18T17:40:19Z"));

        await().atMost(PATIENCE).untilAsserted(() -> tracker.get(bea, path).expectStatus().isOk()
                .expectBody().jsonPath("$.resumeVersions.length()").isEqualTo(2));
        tracker.get(bea, path).expectBody()
                .jsonPath("$.resume.resumeId").isEqualTo(resumeId.toString())
                .jsonPath("$.resume.version").isEqualTo(2)
                .jsonPath("$.resume.pdfPath").isEqualTo("/api/resumes/" + resumeId + "/versions/2/pdf")
                .jsonPath("$.resume.renderedAt").isEqualTo("2026-11-18T17:45:00Z")
                .jsonPath("$.resumeVersions[1].version").isEqualTo(1);

        // the application to the job shows the latest resume too
        JsonNode application = json(tracker.post(bea, "/api/tracker/applications", """
                {"jobId": "%s"}""".formatted(jobId)), 201);
        assertThat(application.get("resume").get("version").asInt()).isEqualTo(2);

        // another user's resume for bea's job is not linked
        ObjectNode foreign = resumeRendered(mallory, UUID.randomUUID(), jobId, 1, "2026-11-19T10:00:00Z");
        tracker.send(EventType.RESUME_RENDERED, foreign.get("resumeId").asString(), foreign);
        awaitProcessed(foreign);
        tracker.get(bea, path).expectBody().jsonPath("$.resumeVersions.length()").isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from job_resume_version where job_id = ?", Integer.class,
                jobId)).isEqualTo(2);
    }

    @Test
    void jobAddedByHandIsEditableAndPrivate() {
        CurrentUser cleo = TestUsers.user("cleo");
        CurrentUser dan = TestUsers.user("dan");
        String body = """
                {"source": "linkedin", "company": "Fabrikam", "listingJobTitle": "Data Engineer",
                 "role": "data_engineer", "level": "senior", "location": "Chicago, IL", "workSetting": "remote",
                 "minExperienceYears": 5, "minSalary": 150000, "maxSalary": 180000, "externalJobId": "R-1",
                 "rawJd": "Build pipelines.",
                 "requirements": [{"text": "Spark", "keywords": ["Spark"], "relevance": 0.4},
                                  {"text": "Airflow", "relevance": 0.9}],
                 "contract": {"lengthMonths": 6, "hourlyRateMin": 80, "hourlyRateMax": 95, "hourlyRateSubmitted": 90}}""";

        var created = tracker.post(cleo, JOBS, body).expectStatus().isCreated();
        JsonNode job = json(created, 201);
        String id = job.get("id").asString();
        assertThat(job.get("requirements").get(0).get("text").asString()).isEqualTo("Airflow");
        assertThat(job.get("contract").get("hourlyRateSubmitted").asInt()).isEqualTo(90);
        assertThat(job.get("workSetting").asString()).isEqualTo("remote");

        tracker.put(cleo, JOBS + "/" + id, body.replace("\"Data Engineer\"", "\"Staff Data Engineer\"")
                        .replace(",\n \"contract\": {\"lengthMonths\": 6, \"hourlyRateMin\": 80, \"hourlyRateMax\": 95, \"hourlyRateSubmitted\": 90}", ""))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.listingJobTitle").isEqualTo("Staff Data Engineer")
                .jsonPath("$.requirements.length()").isEqualTo(2)
                .jsonPath("$.contract").doesNotExist();
        tracker.get(cleo, JOBS).expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(id)
                .jsonPath("$.items[0].rawJd").doesNotExist();

        tracker.get(dan, JOBS + "/" + id).expectStatus().isNotFound();
        tracker.put(dan, JOBS + "/" + id, body).expectStatus().isNotFound();
        tracker.get(dan, JOBS).expectBody().jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void invalidJobIsA400NamingEachField() {
        tracker.post(TestUsers.user("eve"), JOBS, """
                        {"source": "job_board", "company": "Fabrikam", "listingJobTitle": "Engineer",
                         "minSalary": 200000, "maxSalary": 100000,
                         "requirements": [{"text": "Java", "relevance": 1.5}],
                         "contract": {"hourlyRateMin": 90, "hourlyRateMax": 80}}""")
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].pointer").isEqualTo(List.of(
                        "/contract/hourlyRateMax", "/maxSalary", "/requirements/0/relevance", "/source"));
    }

    private ObjectNode jdParsed(CurrentUser owner, UUID jobId, String occurredAt) {
        ObjectNode event = sample(EventType.JD_PARSED, owner);
        event.put("jobId", jobId.toString());
        event.put("occurredAt", occurredAt);
        return event;
    }

    private static ObjectNode resumeRendered(CurrentUser owner, UUID resumeId, UUID jobId, int version,
                                             String occurredAt) {
        ObjectNode event = sample(EventType.RESUME_RENDERED, owner);
        event.put("resumeId", resumeId.toString());
        event.put("jobId", jobId.toString());
        event.put("version", version);
        event.put("occurredAt", occurredAt);
        event.put("pdfPath", "/api/resumes/" + resumeId + "/versions/" + version + "/pdf");
        return event;
    }

    private void awaitProcessed(ObjectNode... events) {
        for (ObjectNode event : events) {
            UUID eventId = UUID.fromString(event.get("eventId").asString());
            await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                    "select count(*) from processed_event where event_id = ?", Integer.class, eventId) == 1);
        }
    }
}
