package org.jobsearch.discovery.sync;

import org.jobsearch.discovery.DiscoveryIntegrationTest;
import org.jobsearch.discovery.TestUsers;
import org.jobsearch.discovery.ats.AtsService;
import org.jobsearch.discovery.ats.FakeAtsInitializer;
import org.jobsearch.discovery.ats.FakeAtsServer;
import org.jobsearch.discovery.ats.FakeAtsServer.Reply;
import org.jobsearch.discovery.company.CompanyService;
import org.jobsearch.discovery.listing.ListingService;
import org.jobsearch.discovery.searchconfig.SearchConfigService;
import org.jobsearch.identity.CurrentUser;
import org.jobsearch.identity.IdentityProperties;
import org.jobsearch.testkit.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sync rules on real PostgreSQL and Kafka against the fake ATS: one fetch per distinct Workday term across all
 * followers, stale marking per (company, term) and cleanup after the retention, the same posting on two platforms
 * shown once, and one sync at a time across replicas.
 */
@DiscoveryIntegrationTest
class SyncRulesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    @Autowired
    IdentityProperties identity;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SyncService syncService;
    @Autowired
    SyncRepository syncRepository;
    @Autowired
    CompanyService companyService;
    @Autowired
    SearchConfigService searchConfigService;
    @Autowired
    ListingService listingService;
    @Autowired
    AtsService atsService;
    @Autowired
    SyncProperties syncProperties;
    @Autowired
    SyncLeadership leadership;

    RestTestClient http;
    TestUsers users;
    final CurrentUser operator = TestUsers.admin("operator");

    @BeforeEach
    void setUp() {
        http = TestHttp.client(port);
        users = new TestUsers(identity);
    }

    @Test
    void workdayIsFetchedOncePerDistinctTermStaleIsPerTermAndCleanupSparesInterestedListings() throws Exception {
        CurrentUser alice = TestUsers.user("alice");
        CurrentUser bob = TestUsers.user("bob");
        String tenant = "wd" + UUID.randomUUID().toString().substring(0, 8);
        String cxs = "/wday/cxs/" + tenant + "/External";
        AtomicBoolean later = new AtomicBoolean();
        // what each search returns, first sync and later syncs: JR-2 leaves "platform engineer" but stays in "sre";
        // JR-3 and JR-4 leave "sre", their only search
        Map<String, List<String>> first = Map.of("platform engineer", List.of("JR-1", "JR-2"),
                "sre", List.of("JR-2", "JR-3", "JR-4"));
        Map<String, List<String>> after = Map.of("platform engineer", List.of("JR-1"), "sre", List.of("JR-2"));
        Map<String, String> titles = Map.of("JR-1", "Platform Engineer", "JR-2", "Senior Platform Engineer SRE",
                "JR-3", "SRE", "JR-4", "SRE Manager");
        FakeAtsServer fake = FakeAtsInitializer.server();
        fake.answer("POST", cxs + "/jobs", request -> {
            String term = JSON.readTree(request.body()).get("searchText").asString().toLowerCase(Locale.ROOT);
            List<String> ids = (later.get() ? after : first).getOrDefault(term, List.of());
            return Reply.json(workdayPage(ids.stream().map(id -> workdayItem(id, titles.get(id))).toList()));
        });
        titles.forEach((id, title) -> fake.route("GET", cxs + "/job/Berlin/" + slug(title) + "_" + id,
                Reply.json(workdayDetail(id, title))));
        String greenhouse = "gh" + UUID.randomUUID().toString().substring(0, 8);
        fake.route("GET", "/v1/boards/" + greenhouse + "/jobs", Reply.json("{\"jobs\":[{\"id\": 5, \"title\": "
                + "\"Platform Engineer\", \"location\": {\"name\": \"Oslo\"}, \"absolute_url\": \"https://x.test/5\"}]}"));

        String workdayId = call(alice, HttpMethod.POST, "/api/discovery/companies", Map.of("name", "Tenant " + tenant,
                "config", Map.of("platform", "workday", "host", tenant + ".wd5.myworkdayjobs.com", "tenant", tenant,
                        "site", "External")), 201).get("id").asString();
        String greenhouseId = call(alice, HttpMethod.POST, "/api/discovery/companies", Map.of("name", "Board "
                + greenhouse, "config", Map.of("platform", "greenhouse", "board", greenhouse)), 201).get("id").asString();
        for (CurrentUser user : List.of(alice, bob)) {
            for (String company : List.of(workdayId, greenhouseId)) {
                call(user, HttpMethod.PUT, "/api/discovery/companies/" + company + "/follow", Map.of(), 200);
            }
        }
        call(alice, HttpMethod.POST, "/api/discovery/search-configs", Map.of("searchTerm", "platform engineer"), 201);
        call(bob, HttpMethod.POST, "/api/discovery/search-configs", Map.of("searchTerm", "PLATFORM ENGINEER"), 201);
        call(bob, HttpMethod.POST, "/api/discovery/search-configs", Map.of("searchTerm", "sre"), 201);

        JsonNode sync = syncOf(workdayId, greenhouseId);
        // one list request per distinct term (ignoring case) across both followers; the whole board once elsewhere
        Map<String, Long> searches = fake.requests("POST", cxs + "/jobs").stream()
                .map(r -> JSON.readTree(r.body()).get("searchText").asString().toLowerCase(Locale.ROOT))
                .collect(Collectors.groupingBy(t -> t, Collectors.counting()));
        assertThat(searches).containsExactlyInAnyOrderEntriesOf(Map.of("platform engineer", 1L, "sre", 1L));
        assertThat(fake.requests("GET", "/v1/boards/" + greenhouse + "/jobs")).hasSize(1);
        assertThat(sync.get("summary")).hasSize(3);
        assertThat(byExternalId(listings(bob, "all")).keySet()).contains("JR-1", "JR-2", "JR-3", "JR-4", "5");
        assertThat(byExternalId(listings(alice, "all")).keySet()).contains("JR-1", "JR-2", "5")
                .doesNotContain("JR-3", "JR-4");
        String jr3 = byExternalId(listings(bob, "new")).get("JR-3").get("id").asString();
        call(bob, HttpMethod.PUT, "/api/discovery/listings/" + jr3 + "/status", Map.of("status", "interested"), 200);

        // JR-2 left "platform engineer" but "sre" still sees it: visible; JR-3 and JR-4 lost their only scope: hidden
        later.set(true);
        syncOf(workdayId, greenhouseId);
        Map<String, JsonNode> visible = byExternalId(listings(bob, "all"));
        assertThat(visible).containsKeys("JR-1", "JR-2").doesNotContainKeys("JR-3", "JR-4");
        assertThat(byExternalId(listings(alice, "all"))).containsKeys("JR-1", "JR-2");
        assertThat(externalIds(workdayId)).as("stale, but within the retention: kept")
                .containsExactlyInAnyOrder("JR-1", "JR-2", "JR-3", "JR-4");

        // past the retention: the stale listing nobody cared about goes, bob's interested one stays
        Instant longAgo = Instant.now().minus(syncProperties.staleRetention()).minus(1, ChronoUnit.DAYS);
        jdbc.sql("update job_listing set last_fetched_at = ? where company_id = ? and external_id in ('JR-3', 'JR-4')")
                .params(Timestamp.from(longAgo), UUID.fromString(workdayId)).update();
        syncOf(workdayId, greenhouseId);
        assertThat(externalIds(workdayId)).containsExactlyInAnyOrder("JR-1", "JR-2", "JR-3");
    }

    @Test
    void theSamePostingOnTwoPlatformsIsShownOnceButTwoIdsOfOnePlatformNeverMerge() throws Exception {
        CurrentUser carol = TestUsers.user("carol");
        String board = "gh" + UUID.randomUUID().toString().substring(0, 8);
        String lever = "lv" + UUID.randomUUID().toString().substring(0, 8);
        String description = "Build streaming data pipelines with Kafka and PostgreSQL for the search team.";
        // two Greenhouse ids with identical content: two postings, never merged
        String sameTwice = List.of(1, 2).stream().map(id -> """
                {"id": %d, "title": "Data Engineer", "location": {"name": "Berlin"}, "absolute_url": "https://gh.test/%d",
                 "content": "&lt;p&gt;%s&lt;/p&gt;"}""".formatted(id, id, description)).collect(Collectors.joining(","));
        FakeAtsInitializer.server()
                .route("GET", "/v1/boards/" + board + "/jobs", Reply.json("{\"jobs\":[" + sameTwice + "]}"))
                .route("GET", "/v0/postings/" + lever, Reply.json("""
                        [{"id": "lev-1", "text": "Data Engineer", "categories": {"location": "Berlin"},
                          "hostedUrl": "https://jobs.lever.co/x/lev-1", "createdAt": 1781605800000,
                          "description": "<p>%s</p>"}]""".formatted(description)));
        String companyId = call(carol, HttpMethod.POST, "/api/discovery/companies", Map.of("name", "Dual " + board,
                "config", Map.of("platform", "greenhouse", "board", board)), 201).get("id").asString();
        call(carol, HttpMethod.PUT, "/api/discovery/companies/" + companyId + "/follow", Map.of(), 200);
        call(carol, HttpMethod.POST, "/api/discovery/search-configs", Map.of("searchTerm", "data engineer"), 201);

        syncOf(companyId);
        JsonNode both = listings(carol, "new");
        assertThat(both).hasSize(2);
        both.forEach(listing -> assertThat(listing.get("sources")).hasSize(1));

        // the company moves to Lever, which carries the same posting
        call(operator, HttpMethod.PUT, "/api/discovery/companies/" + companyId,
                Map.of("name", "Dual " + board, "config", Map.of("platform", "lever", "board", lever)), 200);
        syncOf(companyId);
        List<JsonNode> shown = new ArrayList<>();
        listings(carol, "all").forEach(shown::add);
        assertThat(shown).hasSize(1);
        Map<String, String> sources = new HashMap<>();
        shown.get(0).get("sources").forEach(s -> sources.put(s.get("platform").asString(), s.get("externalId").asString()));
        assertThat(sources).containsEntry("lever", "lev-1").containsKey("greenhouse").hasSize(2);
        assertThat(externalIds(companyId)).containsExactlyInAnyOrder("1", "2", "lev-1");
    }

    @Test
    void twoPostingsOfOnePageThatMatchOneListingOnAnotherPlatformAreShownAsThatOneListing() throws Exception {
        CurrentUser dana = TestUsers.user("dana");
        String board = "gh" + UUID.randomUUID().toString().substring(0, 8);
        String lever = "lv" + UUID.randomUUID().toString().substring(0, 8);
        String description = "Operate the billing platform's PostgreSQL clusters and their backups.";
        FakeAtsInitializer.server()
                .route("GET", "/v1/boards/" + board + "/jobs", Reply.json("""
                        {"jobs": [{"id": 7, "title": "Database Reliability Engineer", "location": {"name": "Lisbon"},
                                   "absolute_url": "https://gh.test/7", "content": "&lt;p&gt;%s&lt;/p&gt;"}]}""".formatted(description)))
                // the same page carries the posting twice under two Lever ids: both merge into the Greenhouse listing
                .route("GET", "/v0/postings/" + lever, Reply.json(List.of("lev-a", "lev-b").stream().map(id -> """
                        {"id": "%s", "text": "Database Reliability Engineer", "categories": {"location": "Lisbon"},
                         "hostedUrl": "https://jobs.lever.co/x/%s", "createdAt": 1781605800000,
                         "description": "<p>%s</p>"}""".formatted(id, id, description))
                        .collect(Collectors.joining(",", "[", "]"))));
        String companyId = call(dana, HttpMethod.POST, "/api/discovery/companies", Map.of("name", "Merge " + board,
                "config", Map.of("platform", "greenhouse", "board", board)), 201).get("id").asString();
        call(dana, HttpMethod.PUT, "/api/discovery/companies/" + companyId + "/follow", Map.of(), 200);
        call(dana, HttpMethod.POST, "/api/discovery/search-configs", Map.of("searchTerm", "reliability engineer"), 201);
        syncOf(companyId);
        assertThat(listings(dana, "new")).hasSize(1);

        call(operator, HttpMethod.PUT, "/api/discovery/companies/" + companyId,
                Map.of("name", "Merge " + board, "config", Map.of("platform", "lever", "board", lever)), 200);
        syncOf(companyId);
        List<JsonNode> shown = new ArrayList<>();
        listings(dana, "all").forEach(shown::add);
        assertThat(shown).hasSize(1);
        assertThat(shown.get(0).get("status").asString()).isEqualTo("new");
        List<String> sources = new ArrayList<>();
        shown.get(0).get("sources").forEach(s -> sources.add(s.get("platform").asString() + ":" + s.get("externalId").asString()));
        assertThat(sources).containsExactlyInAnyOrder("greenhouse:7", "lever:lev-a", "lever:lev-b");
        assertThat(externalIds(companyId)).containsExactlyInAnyOrder("7", "lev-a", "lev-b");
    }

    @Test
    void twoReplicasRunTheScheduledSyncOnceAndOnDemandSyncsOneAfterTheOther() throws Exception {
        CurrentUser dave = TestUsers.user("dave");
        String board = "gh" + UUID.randomUUID().toString().substring(0, 8);
        String jobs = List.of(1, 2, 3).stream().map(id -> """
                {"id": %d, "title": "Backend Engineer %d", "location": {"name": "Paris"},
                 "absolute_url": "https://gh.test/%d", "content": "&lt;p&gt;Job %d&lt;/p&gt;"}""".formatted(id, id, id, id))
                .collect(Collectors.joining(","));
        FakeAtsInitializer.server().route("GET", "/v1/boards/" + board + "/jobs", Reply.json("{\"jobs\":[" + jobs + "]}"));
        String companyId = call(dave, HttpMethod.POST, "/api/discovery/companies", Map.of("name", "Replicated " + board,
                "config", Map.of("platform", "greenhouse", "board", board)), 201).get("id").asString();
        call(dave, HttpMethod.PUT, "/api/discovery/companies/" + companyId + "/follow", Map.of(), 200);
        call(dave, HttpMethod.POST, "/api/discovery/search-configs", Map.of("searchTerm", "backend engineer"), 201);
        // a second replica: its own runner thread, the same database
        SyncService replica = new SyncService(syncRepository, companyService, searchConfigService, listingService,
                atsService, syncProperties, leadership);
        try {
            Instant slot = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            List<Optional<UUID>> scheduled = together(() -> syncService.startScheduled(slot),
                    () -> replica.startScheduled(slot));
            assertThat(scheduled.stream().filter(Optional::isPresent)).as("exactly one replica runs the slot").hasSize(1);
            UUID ran = scheduled.stream().flatMap(Optional::stream).findFirst().orElseThrow();
            await().atMost(PATIENCE).until(() -> finished(ran));
            assertThat(syncRepository.find(ran).orElseThrow().status()).isEqualTo("completed");
            assertThat(jdbc.sql("select count(*) from sync_run where schedule_slot = ?").param(Timestamp.from(slot))
                    .query(Long.class).single()).isEqualTo(1L);

            SyncRequest scope = new SyncRequest(UUID.fromString(companyId), null, null);
            List<UUID> onDemand = together(() -> syncService.start(null, scope), () -> replica.start(null, scope));
            await().atMost(PATIENCE).until(() -> onDemand.stream().allMatch(this::finished));
            List<SyncView> runs = onDemand.stream().map(id -> syncRepository.find(id).orElseThrow())
                    .sorted(java.util.Comparator.comparing(SyncView::startedAt)).toList();
            assertThat(runs).allSatisfy(run -> assertThat(run.status()).isEqualTo("completed"));
            assertThat(runs.get(1).startedAt()).as("the second waited for the first")
                    .isAfterOrEqualTo(runs.get(0).finishedAt());
        } finally {
            replica.destroy();
        }
        assertThat(externalIds(companyId)).containsExactlyInAnyOrder("1", "2", "3");
        List<UUID> ids = jdbc.sql("select id from job_listing where company_id = ?").param(UUID.fromString(companyId))
                .query(UUID.class).list();
        assertThat(jdbc.sql("select count(*) from outbox where aggregateid in (:ids)")
                .param("ids", ids.stream().map(UUID::toString).toList()).query(Long.class).single())
                .as("one JobListingDiscovered per listing, however many syncs ran").isEqualTo(3L);
    }

    private boolean finished(UUID id) {
        return syncRepository.find(id).map(s -> !s.status().matches("queued|running")).orElse(false);
    }

    @SafeVarargs
    private static <T> List<T> together(Callable<T>... tasks) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(tasks.length);
        ExecutorService pool = Executors.newFixedThreadPool(tasks.length);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    barrier.await();
                    return task.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private List<String> externalIds(String companyId) {
        return jdbc.sql("select external_id from job_listing where company_id = ?").param(UUID.fromString(companyId))
                .query(String.class).list();
    }

    /** An admin's sync of each company in turn, each awaited and required to complete without error lines. */
    private JsonNode syncOf(String... companyIds) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String companyId : companyIds) {
            String id = call(operator, HttpMethod.POST, "/api/discovery/syncs", Map.of("companyId", companyId), 202)
                    .get("id").asString();
            await().atMost(PATIENCE).until(() -> !call(operator, HttpMethod.GET, "/api/discovery/syncs/" + id, null, 200)
                    .get("status").asString().matches("queued|running"));
            JsonNode done = call(operator, HttpMethod.GET, "/api/discovery/syncs/" + id, null, 200);
            assertThat(done.get("status").asString()).isEqualTo("completed");
            done.get("summary").forEach(line -> {
                assertThat(line.get("error").isNull()).as("error of %s", line).isTrue();
                lines.add(line);
            });
        }
        return JSON.createObjectNode().set("summary", JSON.valueToTree(lines));
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

    private static Map<String, JsonNode> byExternalId(JsonNode items) {
        Map<String, JsonNode> map = new HashMap<>();
        items.forEach(item -> map.put(item.get("externalId").asString(), item));
        return map;
    }

    private static String slug(String title) {
        return title.replace(' ', '-');
    }

    private static String workdayPage(List<String> items) {
        return "{\"total\": " + items.size() + ", \"jobPostings\": [" + String.join(",", items) + "]}";
    }

    private static String workdayItem(String id, String title) {
        return """
                {"title": "%s", "externalPath": "/job/Berlin/%s_%s", "locationsText": "Berlin",
                 "postedOn": "Posted Today", "bulletFields": ["%s"]}""".formatted(title, slug(title), id, id);
    }

    private static String workdayDetail(String id, String title) {
        return """
                {"jobPostingInfo": {"title": "%s", "jobReqId": "%s", "location": "Berlin", "startDate": "2026-06-01",
                 "externalUrl": "https://acme.wd5.myworkdayjobs.com/External/job/Berlin/%s_%s",
                 "jobDescription": "<p>%s builds and runs the platform.</p>"}}""".formatted(title, id, slug(title), id, title);
    }
}
