package org.jobsearch.tracker.interview;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jobsearch.events.EventHeaders;
import org.jobsearch.events.EventType;
import org.jobsearch.events.Topics;
import org.jobsearch.identity.CurrentUser;
import org.jobsearch.identity.IdentityProperties;
import org.jobsearch.testkit.SharedInfrastructure;
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

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jobsearch.tracker.TrackerTestSupport.PATIENCE;
import static org.jobsearch.tracker.TrackerTestSupport.json;
import static org.jobsearch.tracker.TrackerTestSupport.payload;
import static org.jobsearch.tracker.TrackerTestSupport.published;

/** Interviews of an application in callback: schedule, reschedule, cancel, each published; upcoming ones. */
@TrackerIntegrationTest
class InterviewApiTest {

    private static final String APPLICATIONS = "/api/tracker/applications";
    private static final String UPCOMING = "/api/tracker/interviews/upcoming";

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
    void scheduleRescheduleAndCancelArePublishedInOrderOnTheApplicationsKey() {
        CurrentUser olga = TestUsers.user("olga");
        JsonNode application = application(olga, "Litware", "callback");
        String id = application.get("id").asString();
        String interviews = APPLICATIONS + "/" + id + "/interviews";
        Instant first = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant moved = first.plus(1, ChronoUnit.DAYS);

        JsonNode scheduled = json(tracker.post(olga, interviews, interview("technical_screen", first)), 201);
        String interviewId = scheduled.get("id").asString();
        assertThat(scheduled.get("company").asString()).isEqualTo("Litware");
        assertThat(scheduled.get("notes").asString()).isEqualTo("Zoom link in the invite; ask for Priya");
        tracker.put(olga, interviews + "/" + interviewId, interview("technical_screen", moved))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.scheduledAt").isEqualTo(moved.toString());
        tracker.post(olga, interviews + "/" + interviewId + "/cancel", "")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.cancelledAt").isNotEmpty();
        // cancelled twice: nothing more to announce; a cancelled interview cannot be moved
        tracker.post(olga, interviews + "/" + interviewId + "/cancel", "").expectStatus().isOk();
        tracker.put(olga, interviews + "/" + interviewId, interview("technical_screen", first))
                .expectStatus().isEqualTo(409);

        List<ConsumerRecord<String, byte[]>> events = published(Topics.APPLICATION_EVENTS, id,
                EventType.INTERVIEW_SCHEDULED, 3);
        assertThat(events).extracting(r -> payload(r).get("change").asString())
                .containsExactly("scheduled", "rescheduled", "cancelled");
        assertThat(events).extracting(r -> payload(r).get("scheduledAt").asString())
                .containsExactly(first.toString(), moved.toString(), moved.toString());
        JsonNode event = payload(events.get(0));
        assertThat(TopicReader.header(events.get(0), EventHeaders.CE_ID)).isEqualTo(event.get("eventId").asString());
        assertThat(event.get("applicationId").asString()).isEqualTo(id);
        assertThat(event.get("interviewId").asString()).isEqualTo(interviewId);
        assertThat(event.get("jobId").asString()).isEqualTo(application.get("jobId").asString());
        assertThat(event.get("ownerId").asString()).isEqualTo(olga.id().toString());
        assertThat(event.get("stage").asString()).isEqualTo("technical_screen");
        assertThat(event.get("format").asString()).isEqualTo("virtual_meeting");
        assertThat(event.get("focus").asString()).isEqualTo("system_design");
        assertThat(event.get("interviewerName").asString()).isEqualTo("Priya Natarajan");
        assertThat(event.get("interviewerTitle").asString()).isEqualTo("Staff Platform Engineer");

        // after the callback that allowed them, on the same partition
        try (TopicReader reader = new TopicReader(SharedInfrastructure.kafka().bootstrapServers(),
                Topics.APPLICATION_EVENTS)) {
            List<ConsumerRecord<String, byte[]>> all = reader.readUntil(read -> read.stream()
                    .filter(r -> id.equals(r.key())).count() >= 5, PATIENCE);
            assertThat(all.stream().filter(r -> id.equals(r.key()))
                    .map(r -> TopicReader.header(r, EventHeaders.CE_TYPE) + ":"
                            + payload(r).path("status").asString(payload(r).path("change").asString()))
                    .toList())
                    .containsExactly("ApplicationStatusChanged.v1:no_response", "ApplicationStatusChanged.v1:callback",
                            "InterviewScheduled.v1:scheduled", "InterviewScheduled.v1:rescheduled",
                            "InterviewScheduled.v1:cancelled");
        }
    }

    @Test
    void interviewNeedsAnOpenCallback() {
        CurrentUser pia = TestUsers.user("pia");
        Instant when = Instant.now().plus(2, ChronoUnit.DAYS);
        String waiting = application(pia, "Contoso", null).get("id").asString();
        String rejected = application(pia, "Fabrikam", "rejected").get("id").asString();
        String offered = application(pia, "Northwind", "callback").get("id").asString();
        tracker.put(pia, APPLICATIONS + "/" + offered + "/outcome", """
                {"outcome": "offer", "date": "2026-01-10"}""").expectStatus().isOk();

        tracker.post(pia, APPLICATIONS + "/" + waiting + "/interviews", interview("recruiter_screen", when))
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.currentStatus").isEqualTo("no_response")
                .jsonPath("$.detail").isEqualTo("Application " + waiting
                        + " is no_response; interviews can only be scheduled after a callback");
        tracker.post(pia, APPLICATIONS + "/" + rejected + "/interviews", interview("recruiter_screen", when))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.currentStatus").isEqualTo("rejected");
        tracker.post(pia, APPLICATIONS + "/" + offered + "/interviews", interview("recruiter_screen", when))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("has ended (Offer)"));
        tracker.post(pia, APPLICATIONS + "/" + waiting + "/interviews", """
                        {"stage": "lunch", "scheduledAt": "%s"}""".formatted(when))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].pointer").isEqualTo("/stage");
    }

    @Test
    void upcomingListsOnlyTheOwnersFutureInterviewsSoonestFirst() {
        CurrentUser quinn = TestUsers.user("quinn");
        CurrentUser rex = TestUsers.user("rex");
        String id = application(quinn, "Tailspin", "callback").get("id").asString();
        String interviews = APPLICATIONS + "/" + id + "/interviews";
        Instant now = Instant.now();
        tracker.post(quinn, interviews, interview("recruiter_screen", now.minus(1, ChronoUnit.DAYS)))
                .expectStatus().isCreated();
        String later = json(tracker.post(quinn, interviews,
                interview("technical_screen", now.plus(3, ChronoUnit.DAYS))), 201).get("id").asString();
        String sooner = json(tracker.post(quinn, interviews,
                interview("hiring_manager_screen", now.plus(1, ChronoUnit.DAYS))), 201).get("id").asString();
        String cancelled = json(tracker.post(quinn, interviews,
                interview("final_loop", now.plus(2, ChronoUnit.DAYS))), 201).get("id").asString();
        tracker.post(quinn, interviews + "/" + cancelled + "/cancel", "").expectStatus().isOk();

        tracker.get(quinn, UPCOMING).expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.items[*].id").isEqualTo(List.of(sooner, later))
                .jsonPath("$.items[0].company").isEqualTo("Tailspin")
                .jsonPath("$.items[0].title").isEqualTo("Engineer");
        tracker.get(quinn, UPCOMING + "?stage=technical_screen").expectBody()
                .jsonPath("$.items[*].id").isEqualTo(List.of(later));
        tracker.get(quinn, UPCOMING + "?stage=lunch").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].parameter").isEqualTo("stage");
        tracker.get(quinn, interviews).expectBody().jsonPath("$.total").isEqualTo(4);

        tracker.get(rex, UPCOMING).expectBody().jsonPath("$.total").isEqualTo(0);
        tracker.get(rex, interviews).expectStatus().isNotFound();
        tracker.get(rex, interviews + "/" + later).expectStatus().isNotFound();
        tracker.put(rex, interviews + "/" + later, interview("technical_screen", now)).expectStatus().isNotFound();
        tracker.post(rex, interviews + "/" + later + "/cancel", "").expectStatus().isNotFound();
        tracker.get(quinn, interviews + "/" + later).expectBody().jsonPath("$.cancelledAt").doesNotExist();
    }

    private JsonNode application(CurrentUser user, String company, String status) {
        JsonNode created = json(tracker.post(user, APPLICATIONS, """
                {"company": "%s", "title": "Engineer", "source": "linkedin"}""".formatted(company)), 201);
        if (status != null) {
            tracker.post(user, APPLICATIONS + "/" + created.get("id").asString() + "/status",
                    "{\"status\": \"" + status + "\"}").expectStatus().isOk();
        }
        return created;
    }

    private static String interview(String stage, Instant at) {
        return """
                {"stage": "%s", "format": "virtual_meeting", "focus": "system_design",
                 "interviewerName": "Priya Natarajan", "interviewerTitle": "Staff Platform Engineer",
                 "scheduledAt": "%s", "notes": "Zoom link in the invite; ask for Priya"}""".formatted(stage, at);
    }
}
