package org.jobsearch.tracker.application;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jobsearch.events.EventHeaders;
import org.jobsearch.events.Topics;
import org.jobsearch.identity.CurrentUser;
import org.jobsearch.identity.IdentityProperties;
import org.jobsearch.testkit.SharedInfrastructure;
import org.jobsearch.testkit.TestHttp;
import org.jobsearch.testkit.TopicReader;
import org.jobsearch.tracker.TestUsers;
import org.jobsearch.tracker.TrackerIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code /api/tracker/applications} end to end: HTTP in, rows in PostgreSQL, the event on Kafka. */
@TrackerIntegrationTest
class ApplicationApiTest {

    private static final String APPLICATIONS = "/api/tracker/applications";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    IdentityProperties identity;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    RestTestClient http;
    TestUsers users;

    @BeforeEach
    void setUp() {
        http = TestHttp.client(port);
        users = new TestUsers(identity);
    }

    @Test
    void createdApplicationIsStoredForItsOwnerAndPublished() throws Exception {
        CurrentUser alice = TestUsers.user("alice");

        JsonNode created = create(alice, """
                {"company": "Litware", "title": "Platform Engineer II", "externalJobId": "PE-5521", "source": "linkedin"}""");

        UUID id = UUID.fromString(created.get("id").asString());
        UUID jobId = UUID.fromString(created.get("jobId").asString());
        assertThat(created.get("company").asString()).isEqualTo("Litware");
        assertThat(created.get("title").asString()).isEqualTo("Platform Engineer II");
        assertThat(created.get("externalJobId").asString()).isEqualTo("PE-5521");
        assertThat(created.get("source").asString()).isEqualTo("linkedin");
        assertThat(created.get("status").asString()).isEqualTo("no_response");
        assertThat(created.get("appliedAt").asString()).isNotBlank();

        assertThat(jdbc.queryForMap("select owner_id, job_id, status from application where id = ?", id))
                .isEqualTo(Map.of("owner_id", alice.id(), "job_id", jobId, "status", "no_response"));
        assertThat(jdbc.queryForObject("select owner_id from job where id = ?", UUID.class, jobId)).isEqualTo(alice.id());
        assertThat(jdbc.queryForList("select status from application_status_history where application_id = ?",
                String.class, id)).containsExactly("no_response");

        try (TopicReader reader = new TopicReader(SharedInfrastructure.kafka().bootstrapServers(), Topics.APPLICATION_EVENTS)) {
            List<ConsumerRecord<String, byte[]>> records = reader.readUntil(
                    read -> read.stream().anyMatch(r -> id.toString().equals(r.key())), Duration.ofSeconds(30));
            List<ConsumerRecord<String, byte[]>> mine = records.stream().filter(r -> id.toString().equals(r.key())).toList();
            assertThat(mine).hasSize(1);
            ConsumerRecord<String, byte[]> record = mine.get(0);
            JsonNode event = JSON.readTree(record.value());
            assertThat(TopicReader.header(record, EventHeaders.CE_TYPE)).isEqualTo("ApplicationStatusChanged.v1");
            assertThat(TopicReader.header(record, EventHeaders.CE_ID)).isEqualTo(event.get("eventId").asString());
            assertThat(TopicReader.header(record, EventHeaders.CE_SOURCE)).isEqualTo("tracker-service");
            assertThat(event.get("applicationId").asString()).isEqualTo(id.toString());
            assertThat(event.get("jobId").asString()).isEqualTo(jobId.toString());
            assertThat(event.get("ownerId").asString()).isEqualTo(alice.id().toString());
            assertThat(event.has("previousStatus")).isFalse();
            assertThat(event.get("status").asString()).isEqualTo("no_response");
            assertThat(event.get("changedAt").asString()).isNotBlank();
            assertThat(event.get("job").get("company").asString()).isEqualTo("Litware");
            assertThat(event.get("job").get("listingJobTitle").asString()).isEqualTo("Platform Engineer II");
            assertThat(event.get("job").get("externalJobId").asString()).isEqualTo("PE-5521");
        }
    }

    @Test
    void invalidBodyIsA400NamingEachField() {
        http.post().uri(APPLICATIONS).header(HttpHeaders.AUTHORIZATION, users.bearer(TestUsers.user("bob")))
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"company": " ", "title": "%s", "source": "Job Board"}""".formatted("x".repeat(256)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors.length()").isEqualTo(3)
                .jsonPath("$.errors[0].pointer").isEqualTo("/company")
                .jsonPath("$.errors[0].detail").isEqualTo("must not be blank")
                .jsonPath("$.errors[1].pointer").isEqualTo("/source")
                .jsonPath("$.errors[2].pointer").isEqualTo("/title");
    }

    @Test
    void malformedJsonIsA400() {
        http.post().uri(APPLICATIONS).header(HttpHeaders.AUTHORIZATION, users.bearer(TestUsers.user("bob")))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"company\": \"Litware\",")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("not valid JSON"));
    }

    @Test
    void withoutTokenIsA401() {
        http.post().uri(APPLICATIONS).contentType(MediaType.APPLICATION_JSON)
                .body("{\"company\": \"Litware\", \"title\": \"Engineer\", \"source\": \"linkedin\"}")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri(APPLICATIONS).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anotherUsersApplicationIsNotFoundAndNotListed() throws Exception {
        CurrentUser carol = TestUsers.user("carol");
        CurrentUser dave = TestUsers.user("dave");
        UUID older = UUID.fromString(create(carol, """
                {"company": "Contoso", "title": "SRE", "source": "referral"}""").get("id").asString());
        UUID newer = UUID.fromString(create(carol, """
                {"company": "Fabrikam", "title": "Backend Engineer", "source": "company_site"}""").get("id").asString());

        http.get().uri(APPLICATIONS + "/" + newer).header(HttpHeaders.AUTHORIZATION, users.bearer(carol)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.company").isEqualTo("Fabrikam");
        http.get().uri(APPLICATIONS + "/" + newer).header(HttpHeaders.AUTHORIZATION, users.bearer(dave)).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("No application with id " + newer);

        http.get().uri(APPLICATIONS).header(HttpHeaders.AUTHORIZATION, users.bearer(dave)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(0)
                .jsonPath("$.total").isEqualTo(0);
        http.get().uri(APPLICATIONS + "?page=0&size=1").header(HttpHeaders.AUTHORIZATION, users.bearer(carol)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(newer.toString())
                .jsonPath("$.page").isEqualTo(0)
                .jsonPath("$.size").isEqualTo(1)
                .jsonPath("$.total").isEqualTo(2);
        http.get().uri(APPLICATIONS + "?page=1&size=1").header(HttpHeaders.AUTHORIZATION, users.bearer(carol)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].id").isEqualTo(older.toString());
    }

    @Test
    void anApplicationRacingAnotherToTheSameJobIsA409NamingTheJob() throws Exception {
        CurrentUser erin = TestUsers.user("erin");
        UUID jobId = job(erin);
        // the other application is inserted but not yet committed: the request's existence check cannot see it,
        // so the request gets as far as the insert, which waits on the unique index until the other commits
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement insert = other.prepareStatement("""
                    insert into application (id, owner_id, job_id, applied_at, status) values (?, ?, ?, now(), 'no_response')""")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, erin.id());
                insert.setObject(3, jobId);
                insert.executeUpdate();
            }
            ExecutorService executor = Executors.newSingleThreadExecutor();
            try {
                Future<RestTestClient.ResponseSpec> racing = executor.submit(() -> apply(erin, jobId));
                await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("""
                        select count(*) from pg_stat_activity
                        where wait_event_type = 'Lock' and query like 'insert into application %'""", Long.class) > 0);
                other.commit();
                racing.get(30, TimeUnit.SECONDS).expectStatus().isEqualTo(409)
                        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody()
                        .jsonPath("$.status").isEqualTo(409)
                        .jsonPath("$.errors.length()").isEqualTo(1)
                        .jsonPath("$.errors[0].pointer").isEqualTo("/jobId");
            } finally {
                executor.shutdownNow();
            }
        }
        assertThat(jdbc.queryForObject("select count(*) from application where job_id = ?", Long.class, jobId))
                .isEqualTo(1);
    }

    @Test
    void twoSimultaneousApplicationsToOneJobAreOneCreatedAndOne409() throws Exception {
        CurrentUser finn = TestUsers.user("finn");
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                UUID jobId = job(finn);
                CyclicBarrier start = new CyclicBarrier(2);
                Callable<Integer> applying = () -> {
                    start.await();
                    return apply(finn, jobId).returnResult(String.class).getStatus().value();
                };
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : executor.invokeAll(List.of(applying, applying))) {
                    statuses.add(answer.get(30, TimeUnit.SECONDS));
                }
                assertThat(statuses).containsExactlyInAnyOrder(201, 409);
                assertThat(jdbc.queryForObject("select count(*) from application where job_id = ?", Long.class,
                        jobId)).isEqualTo(1);
            }
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void desiredSalaryIsEditableByItsOwnerOnly() throws Exception {
        CurrentUser gail = TestUsers.user("gail");
        CurrentUser hal = TestUsers.user("hal");
        JsonNode created = create(gail, """
                {"company": "Litware", "title": "Data Engineer", "source": "linkedin", "desiredSalary": 140000}""");
        String path = APPLICATIONS + "/" + created.get("id").asString();

        patch(gail, path, "{\"desiredSalary\": 165}").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.desiredSalary").isEqualTo(165000)
                .jsonPath("$.status").isEqualTo("no_response")
                .jsonPath("$.history.length()").isEqualTo(1);
        http.get().uri(path).header(HttpHeaders.AUTHORIZATION, users.bearer(gail)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.desiredSalary").isEqualTo(165000);

        patch(gail, path, "{\"desiredSalary\": -1}").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].pointer").isEqualTo("/desiredSalary");
        patch(gail, path, "{}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].pointer").isEqualTo("/desiredSalary");
        patch(hal, path, "{\"desiredSalary\": 1}").expectStatus().isNotFound();
        patch(gail, APPLICATIONS + "/" + UUID.randomUUID(), "{\"desiredSalary\": 1}").expectStatus().isNotFound();
        http.patch().uri(path).contentType(MediaType.APPLICATION_JSON).body("{\"desiredSalary\": 1}").exchange()
                .expectStatus().isUnauthorized();

        assertThat(jdbc.queryForObject("select desired_salary from application where id = ?", Integer.class,
                UUID.fromString(created.get("id").asString()))).isEqualTo(165000);
    }

    private RestTestClient.ResponseSpec patch(CurrentUser user, String path, String body) {
        return http.patch().uri(path).header(HttpHeaders.AUTHORIZATION, users.bearer(user))
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    private UUID job(CurrentUser owner) throws Exception {
        String body = http.post().uri("/api/tracker/jobs").header(HttpHeaders.AUTHORIZATION, users.bearer(owner))
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"source": "indeed", "company": "Northwind", "listingJobTitle": "Analyst"}""")
                .exchange().expectStatus().isCreated().returnResult(String.class).getResponseBody();
        return UUID.fromString(JSON.readTree(body).get("id").asString());
    }

    private RestTestClient.ResponseSpec apply(CurrentUser user, UUID jobId) {
        return http.post().uri(APPLICATIONS).header(HttpHeaders.AUTHORIZATION, users.bearer(user))
                .contentType(MediaType.APPLICATION_JSON).body("{\"jobId\": \"" + jobId + "\"}").exchange();
    }

    private JsonNode create(CurrentUser user, String body) throws Exception {
        var result = http.post().uri(APPLICATIONS).header(HttpHeaders.AUTHORIZATION, users.bearer(user))
                .contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange()
                .expectStatus().isCreated()
                .returnResult(String.class);
        JsonNode created = JSON.readTree(result.getResponseBody());
        assertThat(result.getResponseHeaders().getLocation())
                .hasToString(APPLICATIONS + "/" + created.get("id").asString());
        return created;
    }
}
