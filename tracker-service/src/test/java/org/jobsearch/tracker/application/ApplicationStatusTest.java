package org.jobsearch.tracker.application;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jobsearch.events.EventHeaders;
import org.jobsearch.events.EventType;
import org.jobsearch.events.Topics;
import org.jobsearch.identity.CurrentUser;
import org.jobsearch.identity.IdentityProperties;
import org.jobsearch.testkit.TestHttp;
import org.jobsearch.testkit.TopicReader;
import org.jobsearch.tracker.TestUsers;
import org.jobsearch.tracker.TrackerIntegrationTest;
import org.jobsearch.tracker.TrackerTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jobsearch.tracker.TrackerTestSupport.JSON;
import static org.jobsearch.tracker.TrackerTestSupport.PATIENCE;
import static org.jobsearch.tracker.TrackerTestSupport.json;
import static org.jobsearch.tracker.TrackerTestSupport.payload;
import static org.jobsearch.tracker.TrackerTestSupport.published;
import static org.jobsearch.tracker.TrackerTestSupport.sample;

/** Applications to known jobs, status changes with their history and events, and process outcomes. */
@TrackerIntegrationTest
class ApplicationStatusTest {

    private static final String APPLICATIONS = "/api/tracker/applications";

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
    void statusChangeIsKeptInHistoryAndPublishedWithTheJobSnapshot() {
        CurrentUser gina = TestUsers.user("gina");
        UUID jobId = UUID.randomUUID();
        ObjectNode parsed = sample(EventType.JD_PARSED, gina);
        parsed.put("jobId", jobId.toString());
        tracker.send(EventType.JD_PARSED, jobId.toString(), parsed);
        await().atMost(PATIENCE).untilAsserted(() -> tracker.get(gina, "/api/tracker/jobs/" + jobId)
                .expectStatus().isOk());

        JsonNode created = json(tracker.post(gina, APPLICATIONS, """
                {"jobId": "%s", "appliedAt": "2026-01-05T10:00:00Z", "desiredSalary": 150}""".formatted(jobId)), 201);
        String id = created.get("id").asString();
        assertThat(created.get("status").asString()).isEqualTo("no_response");
        assertThat(created.get("desiredSalary").asInt()).isEqualTo(150_000);
        assertThat(created.get("appliedAt").asString()).isEqualTo("2026-01-05T10:00:00Z");
        assertThat(created.get("company").asString()).isEqualTo("Litware");

        tracker.post(gina, APPLICATIONS + "/" + id + "/status", """
                        {"status": "callback", "changedAt": "2026-01-08T15:30:00Z"}""")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("callback");

        tracker.get(gina, APPLICATIONS + "/" + id).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("callback")
                .jsonPath("$.history.length()").isEqualTo(2)
                .jsonPath("$.history[0].status").isEqualTo("no_response")
                .jsonPath("$.history[0].changedAt").isEqualTo("2026-01-05T10:00:00Z")
                .jsonPath("$.history[1].status").isEqualTo("callback")
                .jsonPath("$.history[1].changedAt").isEqualTo("2026-01-08T15:30:00Z");

        List<ConsumerRecord<String, byte[]>> events = published(Topics.APPLICATION_EVENTS, id,
                EventType.APPLICATION_STATUS_CHANGED, 2);
        assertThat(events).hasSize(2);
        assertThat(payload(events.get(0)).get("status").asString()).isEqualTo("no_response");
        assertThat(payload(events.get(0)).has("previousStatus")).isFalse();
        ConsumerRecord<String, byte[]> change = events.get(1);
        ObjectNode event = (ObjectNode) payload(change);
        assertThat(TopicReader.header(change, EventHeaders.CE_ID)).isEqualTo(event.get("eventId").asString());
        assertThat(TopicReader.header(change, EventHeaders.CE_SOURCE)).isEqualTo("tracker-service");
        assertThat(event.remove("eventId")).isNotNull();
        assertThat(event.remove("occurredAt")).isNotNull();
        assertThat(event).isEqualTo(JSON.readTree("""
                {"applicationId": "%s", "jobId": "%s", "ownerId": "%s",
                 "previousStatus": "no_response", "status": "callback", "changedAt": "2026-01-08T15:30:00Z",
                 "job": {"company": "Litware", "listingJobTitle": "Platform Engineer II — Developer Infrastructure",
                         "externalJobId": "PE-5521", "sourceListingId": "%s"}}""".formatted(
                id, jobId, gina.id(), parsed.get("sourceListingId").asString())));
    }

    @Test
    void refusedTransitionIsA409NamingBothStatusesAndPublishesNothing() {
        CurrentUser hal = TestUsers.user("hal");
        String rejected = application(hal, "Contoso");
        tracker.post(hal, APPLICATIONS + "/" + rejected + "/status", "{\"status\": \"rejected\"}")
                .expectStatus().isOk();

        tracker.post(hal, APPLICATIONS + "/" + rejected + "/status", "{\"status\": \"callback\"}")
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Status change not allowed")
                .jsonPath("$.currentStatus").isEqualTo("rejected")
                .jsonPath("$.requestedStatus").isEqualTo("callback")
                .jsonPath("$.detail").isEqualTo("Application " + rejected
                        + " is rejected and cannot change to callback: rejected is final");

        String callback = application(hal, "Fabrikam");
        tracker.post(hal, APPLICATIONS + "/" + callback + "/status", "{\"status\": \"callback\"}")
                .expectStatus().isOk();
        tracker.post(hal, APPLICATIONS + "/" + callback + "/status", "{\"status\": \"rejected\"}")
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.currentStatus").isEqualTo("callback")
                .jsonPath("$.requestedStatus").isEqualTo("rejected")
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("/outcome"));

        // creation and the one allowed change only
        assertThat(published(Topics.APPLICATION_EVENTS, rejected, EventType.APPLICATION_STATUS_CHANGED, 2))
                .extracting(r -> payload(r).get("status").asString()).containsExactly("no_response", "rejected");
        tracker.get(hal, APPLICATIONS + "/" + rejected).expectBody().jsonPath("$.history.length()").isEqualTo(2);
    }

    @Test
    void badStatusRequestsAreRefusedWithTheFieldAtFault() {
        CurrentUser ida = TestUsers.user("ida");
        CurrentUser jon = TestUsers.user("jon");
        String id = json(tracker.post(ida, APPLICATIONS, """
                {"company": "Contoso", "title": "SRE", "source": "linkedin",
                 "appliedAt": "2026-02-01T09:00:00Z"}"""), 201).get("id").asString();

        tracker.post(ida, APPLICATIONS + "/" + id + "/status", """
                        {"status": "callback", "changedAt": "2026-01-31T09:00:00Z"}""")
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].pointer").isEqualTo("/changedAt");
        tracker.post(ida, APPLICATIONS + "/" + id + "/status", "{\"status\": \"hired\"}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].pointer").isEqualTo("/status");
        tracker.post(jon, APPLICATIONS + "/" + id + "/status", "{\"status\": \"callback\"}")
                .expectStatus().isNotFound();
        tracker.get(jon, APPLICATIONS + "/" + id).expectStatus().isNotFound();
    }

    @Test
    void aJobHasOneApplicationAndOnlyItsOwnerMayApply() {
        CurrentUser kim = TestUsers.user("kim");
        CurrentUser lou = TestUsers.user("lou");
        String jobId = json(tracker.post(kim, "/api/tracker/jobs", """
                {"source": "indeed", "company": "Northwind", "listingJobTitle": "Analyst"}"""), 201)
                .get("id").asString();
        String body = "{\"jobId\": \"" + jobId + "\"}";

        tracker.post(lou, APPLICATIONS, body).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].pointer").isEqualTo("/jobId");
        tracker.post(kim, APPLICATIONS, body).expectStatus().isCreated();
        tracker.post(kim, APPLICATIONS, body).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.errors[0].pointer").isEqualTo("/jobId");
        tracker.post(kim, APPLICATIONS, "{\"jobId\": \"" + jobId + "\", \"company\": \"Northwind\"}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].pointer").isEqualTo("/jobId");
    }

    @Test
    void outcomeIsRecordedOnlyAfterACallback() {
        CurrentUser max = TestUsers.user("max");
        String id = application(max, "Tailspin");
        String outcome = """
                {"outcome": "offer", "date": "2026-02-20", "notes": "Verbal offer, written to follow"}""";

        tracker.put(max, APPLICATIONS + "/" + id + "/outcome", outcome)
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Outcome not allowed")
                .jsonPath("$.currentStatus").isEqualTo("no_response");

        tracker.post(max, APPLICATIONS + "/" + id + "/status", "{\"status\": \"callback\"}").expectStatus().isOk();
        tracker.put(max, APPLICATIONS + "/" + id + "/outcome", outcome).expectStatus().isOk();
        tracker.get(max, APPLICATIONS + "/" + id).expectBody()
                .jsonPath("$.outcome.outcome").isEqualTo("offer")
                .jsonPath("$.outcome.date").isEqualTo("2026-02-20")
                .jsonPath("$.outcome.notes").isEqualTo("Verbal offer, written to follow");
        tracker.put(TestUsers.user("ned"), APPLICATIONS + "/" + id + "/outcome", outcome).expectStatus().isNotFound();
    }

    private String application(CurrentUser user, String company) {
        return json(tracker.post(user, APPLICATIONS, """
                {"company": "%s", "title": "Engineer", "source": "linkedin"}""".formatted(company)), 201)
                .get("id").asString();
    }
}
