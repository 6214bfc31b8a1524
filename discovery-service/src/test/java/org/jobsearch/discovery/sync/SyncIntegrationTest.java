package org.jobsearch.discovery.sync;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jobsearch.discovery.DiscoveryIntegrationTest;
import org.jobsearch.discovery.TestUsers;
import org.jobsearch.discovery.ats.FakeAtsInitializer;
import org.jobsearch.discovery.ats.FakeAtsServer.Reply;
import org.jobsearch.events.EventHeaders;
import org.jobsearch.events.EventType;
import org.jobsearch.events.Topics;
import org.jobsearch.identity.CurrentUser;
import org.jobsearch.identity.IdentityProperties;
import org.jobsearch.testkit.SharedInfrastructure;
import org.jobsearch.testkit.TestHttp;
import org.jobsearch.testkit.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The catalog, search configs, syncs against fake Greenhouse boards, listings and review status, through the REST
 * API, on real PostgreSQL and Kafka.
 */
@DiscoveryIntegrationTest
class SyncIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    IdentityProperties identity;

    RestTestClient http;
    TestUsers users;

    @BeforeEach
    void setUp() {
        http = TestHttp.client(port);
        users = new TestUsers(identity);
    }

    @Test
    void syncMatchesEachFollowerKeepsStatusesMarksStaleAndPublishesNewListings() throws Exception {
        CurrentUser alice = TestUsers.user("alice");
        CurrentUser bob = TestUsers.user("bob");
        String token = token("acme");
        FakeAtsInitializer.server().route("GET", "/v1/boards/" + token + "/jobs",
                Reply.json(boardJson(job(token, 1, "Senior Java Engineer", "London"), job(token, 2, "Java Developer", "Berlin"),
                        job(token, 3, "Seniority Kotlin Engineer", "Remote"), job(token, 4, "Office Manager", "Berlin"))),
                Reply.json(boardJson(job(token, 1, "Senior Java Engineer", "London"), job(token, 2, "Java Developer", "Berlin"),
                        job(token, 4, "Office Manager", "Berlin"))));

        JsonNode company = call(alice, HttpMethod.POST, "/api/discovery/companies",
                Map.of("name", "Acme " + token, "careersUrl", "https://boards.greenhouse.io/" + token), 201);
        String companyId = company.get("id").asString();
        assertThat(company.get("platform").asString()).isEqualTo("greenhouse");
        assertThat(company.get("config").get("board").asString()).isEqualTo(token);
        JsonNode duplicate = call(bob, HttpMethod.POST, "/api/discovery/companies",
                Map.of("careersUrl", "https://job-boards.greenhouse.io/" + token.toUpperCase()), 409);
        assertThat(duplicate.get("existingId").asString()).isEqualTo(companyId);

        call(alice, HttpMethod.PUT, "/api/discovery/companies/" + companyId + "/follow",
                Map.of("excludeTerms", List.of("Senior")), 200);
        call(bob, HttpMethod.PUT, "/api/discovery/companies/" + companyId + "/follow", Map.of(), 200);
        call(alice, HttpMethod.POST, "/api/discovery/search-configs",
                Map.of("searchTerm", "Java", "relatedTerms", List.of("Kotlin")), 201);
        call(alice, HttpMethod.POST, "/api/discovery/search-configs", Map.of("searchTerm", "Engineer"), 201);
        JsonNode bobConfig = call(bob, HttpMethod.POST, "/api/discovery/search-configs", Map.of("searchTerm", "java"), 201);

        // the operator's sync (an admin's, like the scheduled one) serves every follower
        JsonNode first = sync(TestUsers.admin("operator"), companyId);
        assertThat(first.get("summary")).hasSize(1);
        JsonNode line = first.get("summary").get(0);
        assertThat(line.get("searchTerm").asString()).isEmpty();
        assertThat(List.of(line.get("newListings").asInt(), line.get("updated").asInt(), line.get("total").asInt(),
                line.get("newToReview").asInt())).containsExactly(3, 0, 3, 4);

        Map<String, JsonNode> aliceListings = byExternalId(listings(alice, "new"));
        assertThat(aliceListings.keySet()).containsExactlyInAnyOrder("2", "3");
        assertThat(strings(aliceListings.get("2").get("matchedTerms"))).containsExactly("Java");
        assertThat(strings(aliceListings.get("3").get("matchedTerms"))).containsExactly("Engineer", "Java");
        Map<String, JsonNode> bobListings = byExternalId(listings(bob, "new"));
        assertThat(bobListings.keySet()).containsExactlyInAnyOrder("1", "2");
        assertThat(call(bob, HttpMethod.GET, "/api/discovery/listings/counts", null, 200).get("new").asInt())
                .isEqualTo(2);

        String listing2 = aliceListings.get("2").get("id").asString();
        call(alice, HttpMethod.PUT, "/api/discovery/listings/" + listing2 + "/status", Map.of("status", "interested"), 200);
        assertThat(byExternalId(listings(bob, "new")).get("2").get("status").asString()).isEqualTo("new");

        // every new listing announced, exactly as fetched
        try (TopicReader reader = new TopicReader(SharedInfrastructure.kafka().bootstrapServers(),
                Topics.JOBLISTING_EVENTS)) {
            List<String> ids = List.of(bobListings.get("1").get("id").asString(), listing2,
                    aliceListings.get("3").get("id").asString());
            List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
            reader.readUntil(records -> {
                mine.clear();
                records.stream().filter(r -> ids.contains(r.key())).forEach(mine::add);
                return mine.size() >= 3;
            }, PATIENCE);
            assertThat(mine).hasSize(3);
            ConsumerRecord<String, byte[]> record = mine.stream().filter(r -> r.key().equals(listing2)).findFirst()
                    .orElseThrow();
            assertThat(TopicReader.header(record, EventHeaders.CE_TYPE))
                    .isEqualTo(EventType.JOB_LISTING_DISCOVERED.typeName());
            JsonNode event = JSON.readTree(record.value());
            assertThat(event.get("listingId").asString()).isEqualTo(listing2);
            assertThat(event.get("companyId").asString()).isEqualTo(companyId);
            assertThat(event.get("company").asString()).isEqualTo("Acme " + token);
            assertThat(event.get("platform").asString()).isEqualTo("greenhouse");
            assertThat(event.get("externalId").asString()).isEqualTo("2");
            assertThat(event.get("title").asString()).isEqualTo("Java Developer");
            assertThat(event.get("location").asString()).isEqualTo("Berlin");
            assertThat(event.get("url").asString()).isEqualTo("https://job-boards.greenhouse.io/" + token + "/jobs/2");
            assertThat(event.get("department").asString()).isEqualTo("Engineering");
            assertThat(event.get("postedAt").asString()).isEqualTo("2026-06-02");
            assertThat(event.get("descriptionHtml").asString()).isEqualTo("<p>Build things with Java, job 2.</p>");
            assertThat(event.has("eventId")).isTrue();
        }

        // second fetch: job 3 is gone → stale and hidden; alice's status survives
        JsonNode second = sync(TestUsers.admin("operator"), companyId);
        JsonNode again = second.get("summary").get(0);
        assertThat(List.of(again.get("newListings").asInt(), again.get("updated").asInt(), again.get("total").asInt(),
                again.get("newToReview").asInt())).containsExactly(0, 2, 2, 0);
        Map<String, JsonNode> aliceAll = byExternalId(listings(alice, "all"));
        assertThat(aliceAll.keySet()).containsExactly("2");
        assertThat(aliceAll.get("2").get("status").asString()).isEqualTo("interested");

        // owner isolation
        call(alice, HttpMethod.GET, "/api/discovery/search-configs/" + bobConfig.get("id").asString(), null, 404);
        call(bob, HttpMethod.PUT, "/api/discovery/listings/" + aliceListings.get("3").get("id").asString() + "/status",
                Map.of("status", "dismissed"), 404);
        assertThat(call(alice, HttpMethod.GET, "/api/discovery/search-configs", null, 200)).hasSize(2);
        assertThat(call(bob, HttpMethod.GET, "/api/discovery/search-configs", null, 200)).hasSize(1);

        // a user's own sync fetches for that user's search configs only (its summary never shows alice's
        // terms or counts), and nobody else may read it
        JsonNode bobsOwn = sync(bob, companyId);
        assertThat(bobsOwn.get("summary")).hasSize(1);
        assertThat(bobsOwn.get("summary").get(0).get("total").asInt()).as("bob's matches: both Java jobs").isEqualTo(2);
        call(alice, HttpMethod.GET, "/api/discovery/syncs/" + bobsOwn.get("id").asString(), null, 404);
        call(TestUsers.admin("operator"), HttpMethod.GET, "/api/discovery/syncs/" + bobsOwn.get("id").asString(), null, 200);
    }

    @Test
    void brokenCompaniesAreReportedTrackerApplicationsMarkAppliedAndOnlyAdminsEdit() throws Exception {
        CurrentUser carol = TestUsers.user("carol");
        CurrentUser admin = TestUsers.admin("root");
        String good = token("good");
        String failing = token("failing");
        String missing = token("missing");
        FakeAtsInitializer.server()
                .route("GET", "/v1/boards/" + good + "/jobs", Reply.json(boardJson(job(good, 7, "Data Engineer", "Oslo"))))
                .route("GET", "/v1/boards/" + failing + "/jobs", Reply.status(500))
                .route("GET", "/v1/boards/" + missing + "/jobs", Reply.status(404));
        String goodId = follow(carol, good);
        String failingId = follow(carol, failing);
        String missingId = follow(carol, missing);
        call(carol, HttpMethod.POST, "/api/discovery/search-configs", Map.of("searchTerm", "Engineer"), 201);

        JsonNode sync = sync(carol, null);
        Map<String, JsonNode> lines = new java.util.HashMap<>();
        sync.get("summary").forEach(l -> lines.put(l.get("companyId").asString(), l));
        assertThat(lines.get(goodId).get("newListings").asInt()).isEqualTo(1);
        assertThat(lines.get(goodId).get("error").isNull()).isTrue();
        assertThat(lines.get(failingId).get("error").asString()).startsWith("failed");
        assertThat(lines.get(missingId).get("error").asString()).startsWith("not_found");

        // tracker records an application for the same company and external id
        String listingId = listings(carol, "new").get(0).get("id").asString();
        sendApplication(carol, "Good " + good, "7");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(byExternalId(listings(carol, "applied")))
                .containsKey("7"));
        call(carol, HttpMethod.PUT, "/api/discovery/listings/" + listingId + "/status", Map.of("status", "new"), 409);

        // the catalog: only an admin edits or removes
        Map<String, Object> edit = Map.of("name", "Renamed", "careersUrl", "https://boards.greenhouse.io/" + good);
        call(carol, HttpMethod.PUT, "/api/discovery/companies/" + goodId, edit, 403);
        assertThat(call(admin, HttpMethod.PUT, "/api/discovery/companies/" + goodId, edit, 200).get("name").asString())
                .isEqualTo("Renamed");
        call(carol, HttpMethod.DELETE, "/api/discovery/companies/" + missingId, null, 403);
        call(admin, HttpMethod.DELETE, "/api/discovery/companies/" + missingId, null, 204);
        call(carol, HttpMethod.GET, "/api/discovery/companies/" + missingId, null, 404);
    }

    private String follow(CurrentUser user, String token) throws Exception {
        JsonNode company = call(user, HttpMethod.POST, "/api/discovery/companies",
                Map.of("name", "Good " + token, "config", Map.of("platform", "greenhouse", "board", token)), 201);
        String id = company.get("id").asString();
        call(user, HttpMethod.PUT, "/api/discovery/companies/" + id + "/follow", Map.of(), 200);
        return id;
    }

    private JsonNode sync(CurrentUser user, String companyId) throws Exception {
        Map<String, Object> body = companyId == null ? Map.of() : Map.of("companyId", companyId);
        String id = call(user, HttpMethod.POST, "/api/discovery/syncs", body, 202).get("id").asString();
        await().atMost(PATIENCE).until(() -> !call(user, HttpMethod.GET, "/api/discovery/syncs/" + id, null, 200)
                .get("status").asString().matches("queued|running"));
        JsonNode done = call(user, HttpMethod.GET, "/api/discovery/syncs/" + id, null, 200);
        assertThat(done.get("status").asString()).isEqualTo("completed");
        return done;
    }

    private JsonNode listings(CurrentUser user, String status) throws Exception {
        return call(user, HttpMethod.GET, "/api/discovery/listings?size=100&status=" + status, null, 200).get("items");
    }

    private JsonNode call(CurrentUser user, HttpMethod method, String uri, Object body, int expected) throws Exception {
        RestTestClient.RequestBodySpec request = http.method(method).uri(uri)
                .header(HttpHeaders.AUTHORIZATION, users.bearer(user));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(body));
        }
        byte[] response = request.exchange().expectStatus().isEqualTo(expected).expectBody().returnResult()
                .getResponseBody();
        return response == null || response.length == 0 ? JSON.nullNode() : JSON.readTree(response);
    }

    private void sendApplication(CurrentUser owner, String company, String externalJobId) throws Exception {
        UUID applicationId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        Map<String, Object> event = Map.of("eventId", eventId.toString(), "occurredAt", "2026-06-20T10:00:00Z",
                "applicationId", applicationId.toString(), "jobId", UUID.randomUUID().toString(),
                "ownerId", owner.id().toString(), "status", "no_response", "changedAt", "2026-06-20T10:00:00Z",
                "job", Map.of("company", company, "listingJobTitle", "Data Engineer", "externalJobId", externalJobId));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.APPLICATION_EVENTS,
                    applicationId.toString(), JSON.writeValueAsBytes(event));
            record.headers()
                    .add(EventHeaders.CE_ID, eventId.toString().getBytes(StandardCharsets.UTF_8))
                    .add(EventHeaders.CE_TYPE, EventType.APPLICATION_STATUS_CHANGED.typeName()
                            .getBytes(StandardCharsets.UTF_8))
                    .add(EventHeaders.CE_SOURCE, "tracker-service".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }

    private static Map<String, JsonNode> byExternalId(JsonNode items) {
        Map<String, JsonNode> map = new java.util.HashMap<>();
        items.forEach(item -> map.put(item.get("externalId").asString(), item));
        return map;
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asString()));
        return list;
    }

    private static String token(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String boardJson(String... jobs) {
        return "{\"jobs\":[" + String.join(",", jobs) + "]}";
    }

    private static String job(String token, int id, String title, String location) {
        return """
                {"id": %d, "title": "%s", "location": {"name": "%s"}, "absolute_url": "https://job-boards.greenhouse.io/%s/jobs/%d",
                 "first_published": "2026-06-02T09:30:00Z", "departments": [{"name": "Engineering"}],
                 "content": "&lt;p&gt;Build things with Java, job %d.&lt;/p&gt;"}"""
                .formatted(id, title, location, token, id, id);
    }

}
