package org.jobsearch.discovery.ats;

import org.jobsearch.discovery.ats.FakeAtsServer.Reply;
import org.jobsearch.events.AtsPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Workday CXS against a local fake serving the real Bega captures (page 1, a detail) and pages shaped like them. */
class WorkdayClientTest {

    static final WorkdayConfig BEGA = new WorkdayConfig("begacheese.wd3.myworkdayjobs.com", "begacheese", "Bega_Careers");
    static final String CXS = "/wday/cxs/begacheese/Bega_Careers";
    static final String JOBS = CXS + "/jobs";

    final FakeAtsServer server = new FakeAtsServer();
    final RecordingSleeper sleeper = new RecordingSleeper();
    HostScheduler scheduler;
    AtsService ats;

    @BeforeEach
    void setUp() {
        use(TestAts.properties(AtsPlatform.WORKDAY, server.base()));
    }

    void use(AtsProperties properties) {
        if (scheduler != null) {
            scheduler.close();
        }
        scheduler = TestAts.scheduler(properties, sleeper);
        ats = TestAts.service(properties, scheduler, sleeper);
    }

    @AfterEach
    void tearDown() {
        scheduler.close();
        server.close();
    }

    FetchResult fetch(String searchTerm) {
        return ats.fetch(new FetchRequest(BEGA, searchTerm));
    }

    @Test
    void normalizesEveryFieldOfListAndDetail() {
        server.route("POST", JOBS, Reply.resource("workday/bega-jobs-page-1.json"),
                        Reply.resource("workday/bega-jobs-page-2.json"))
                .route("GET", CXS + "/job/Hobart-TAS/Quality-Specialist---Environmental---Sanitation_JR-7309",
                        Reply.resource("workday/bega-job-detail.json"));

        FetchResult result = fetch("operator");

        assertThat(result.outcome()).isEqualTo(FetchResult.Outcome.OK);
        assertThat(result.postings()).hasSize(29);
        Map<String, Posting> byId = byId(result.postings());

        Posting detailed = byId.get("JR-7309");
        assertThat(detailed.platform()).isEqualTo(AtsPlatform.WORKDAY);
        assertThat(detailed.title()).isEqualTo("Quality Specialist - Environmental & Sanitation");
        assertThat(detailed.location()).isEqualTo("Hobart (TAS)");
        assertThat(detailed.remote()).isNull();
        assertThat(detailed.postedDate()).isEqualTo(LocalDate.of(2026, 6, 15));
        assertThat(detailed.url()).isEqualTo("https://begacheese.wd3.myworkdayjobs.com/Bega_Careers/job/Hobart-TAS/"
                + "Quality-Specialist---Environmental---Sanitation_JR-7309");
        assertThat(detailed.department()).isNull();
        assertThat(detailed.compensation()).isNull();
        assertThat(detailed.descriptionHtml())
                .startsWith("<p>If you are curious &amp; creative")
                .contains("<li><p><b>Permanent Full time role base in Lenah Valley</b></p></li>");
        assertThat(detailed.searchTerm()).isEqualTo("operator");

        Posting listOnly = byId.get("JR-6128");
        assertThat(listOnly.title()).isEqualTo("Production Operator - Casual");
        assertThat(listOnly.location()).isEqualTo("Bega");
        assertThat(listOnly.postedDate()).isEqualTo(LocalDate.of(2026, 6, 5));
        assertThat(listOnly.url()).isEqualTo(
                "https://begacheese.wd3.myworkdayjobs.com/Bega_Careers/job/Bega/Production-Operator---Casual_JR-6128");
        assertThat(listOnly.descriptionHtml()).isNull();

        assertThat(byId.get("JR-3685").location()).as("no locationsText, no location segment").isNull();
        assertThat(byId.get("JR-3685").postedDate()).as("Posted 30+ Days Ago").isEqualTo(LocalDate.of(2026, 5, 22));
        assertThat(byId.get("JR-7096").postedDate()).as("Posted 3 Days Ago").isEqualTo(LocalDate.of(2026, 6, 18));
        assertThat(byId.get("JR-7301").postedDate()).as("Posted Today").isEqualTo(LocalDate.of(2026, 6, 21));
        assertThat(byId.get("JR-7299").postedDate()).as("Posted Yesterday").isEqualTo(LocalDate.of(2026, 6, 20));
        assertThat(byId.get("JR-7191").location()).as("location from the path").isEqualTo("Port Melbourne VIC");
        assertThat(byId.get("JR-7150").remote()).isTrue();
    }

    @Test
    void sendsTheSearchAndBrowserHeadersAndPagesUntilTheFirstPagesTotal() {
        server.route("POST", JOBS, Reply.resource("workday/bega-jobs-page-1.json"),
                Reply.resource("workday/bega-jobs-page-2.json"));

        fetch("operator");

        List<FakeAtsServer.Recorded> pages = server.requests("POST", JOBS);
        assertThat(pages).extracting(FakeAtsServer.Recorded::body).containsExactly(
                "{\"appliedFacets\":{},\"limit\":20,\"offset\":0,\"searchText\":\"operator\"}",
                "{\"appliedFacets\":{},\"limit\":20,\"offset\":20,\"searchText\":\"operator\"}");
        assertThat(pages.get(0).headers())
                .containsEntry("content-type", "application/json")
                .containsEntry("accept", "application/json")
                .containsEntry("accept-language", "en-US")
                .containsEntry("origin", server.base().toString())
                .containsEntry("referer", server.base() + "/Bega_Careers")
                .containsEntry("user-agent", AtsProperties.DEFAULT_USER_AGENT);
        assertThat(server.requests("GET", CXS + "/job/")).hasSize(29);
    }

    @Test
    void keepsPagingWhileTheFirstPagesTotalIsAheadThoughLaterPagesSayZero() {
        server.route("POST", JOBS, Reply.json(page(0, 20, 45)), Reply.json(page(20, 20, 0)), Reply.json(page(40, 5, 0)));

        FetchResult result = fetch(null);

        assertThat(result.postings()).hasSize(45);
        assertThat(server.requests("POST", JOBS)).extracting(FakeAtsServer.Recorded::body)
                .allMatch(body -> body.contains("\"searchText\":\"\""))
                .hasSize(3);
        assertThat(result.postings().get(44).externalId()).isEqualTo("R-44");
        assertThat(result.postings().get(0).searchTerm()).isNull();
    }

    @Test
    void sendsLocationFacets() {
        server.route("POST", JOBS, Reply.json(page(0, 1, 1)));

        ats.fetch(new FetchRequest(new WorkdayConfig(BEGA.host(), "begacheese", "Bega_Careers",
                List.of("abc123", "def456")), "engineer"));

        assertThat(server.requests("POST", JOBS).get(0).body())
                .isEqualTo("{\"appliedFacets\":{\"locations\":[\"abc123\",\"def456\"]},\"limit\":20,\"offset\":0,"
                        + "\"searchText\":\"engineer\"}");
    }

    @Test
    void sanitizesAHostileDescription() {
        server.route("POST", JOBS, Reply.resource("workday/bega-jobs-page-1.json"),
                        Reply.resource("workday/bega-jobs-page-2.json"))
                .route("GET", CXS + "/job/Tatura-VIC/Spray-Dryer-Operator_JR-7208",
                        Reply.resource("workday/hostile-job-detail.json"));

        Posting posting = byId(fetch("operator").postings()).get("JR-7208");

        assertThat(posting.descriptionHtml())
                .isEqualTo("<p>Run our <b>spray dryers</b>.</p><p><a rel=\"nofollow noopener noreferrer\">Apply here</a>"
                        + " or <a href=\"https://begacheese.wd3.myworkdayjobs.com/Bega_Careers\" "
                        + "rel=\"nofollow noopener noreferrer\">see all jobs</a></p>");
        assertThat(posting.location()).isEqualTo("Tatura (VIC); Koroit (VIC)");
        assertThat(posting.postedDate()).isEqualTo(LocalDate.of(2026, 5, 4));
    }

    @Test
    void retriesA429AfterItsRetryAfterSeconds() {
        server.route("POST", JOBS, Reply.status(429).withHeader("Retry-After", "7"), Reply.json(page(0, 1, 1)));

        FetchResult result = fetch("x");

        assertThat(result.outcome()).isEqualTo(FetchResult.Outcome.OK);
        assertThat(server.requests("POST", JOBS)).hasSize(2);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void retriesA429AfterItsRetryAfterDate() {
        String in12Seconds = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(TestAts.CLOCK.instant().plusSeconds(12).atZone(ZoneOffset.UTC));
        server.route("POST", JOBS, Reply.status(429).withHeader("Retry-After", in12Seconds), Reply.json(page(0, 1, 1)));

        assertThat(fetch("x").isOk()).isTrue();
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(12));
    }

    @Test
    void clampsAnExcessiveRetryAfter() {
        server.route("POST", JOBS, Reply.status(503).withHeader("Retry-After", "3600"), Reply.json(page(0, 1, 1)));

        assertThat(fetch("x").isOk()).isTrue();
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(60));
    }

    @Test
    void retries5xxWithExponentialBackoff() {
        server.route("POST", JOBS, Reply.status(503), Reply.status(502), Reply.json(page(0, 1, 1)));

        assertThat(fetch("x").isOk()).isTrue();
        assertThat(server.requests("POST", JOBS)).hasSize(3);
        List<Duration> sleeps = sleeper.sleeps();
        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(1100));
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(2000), Duration.ofMillis(2200));
    }

    @Test
    void givesUpAfterMaxAttemptsWithAnErrorResult() {
        server.route("POST", JOBS, Reply.status(500));

        FetchResult result = fetch("x");

        assertThat(result.outcome()).isEqualTo(FetchResult.Outcome.FAILED);
        assertThat(result.error()).contains("HTTP 500").contains("after 4 attempt(s)");
        assertThat(server.requests("POST", JOBS)).hasSize(4);
        assertThat(sleeper.sleeps()).hasSize(3);
    }

    @Test
    void retriesATimeout() throws InterruptedException {
        use(new AtsProperties(Duration.ofSeconds(2), Duration.ofMillis(300), 4, Duration.ofSeconds(1),
                Duration.ofSeconds(30), Duration.ofSeconds(60), 4, Duration.ZERO, 1000, AtsProperties.DEFAULT_USER_AGENT,
                List.of(TestAts.LOOPBACK), Map.of(AtsPlatform.WORKDAY, server.base())));
        CountDownLatch release = new CountDownLatch(1);
        server.hook(request -> {
            if (server.requests().size() == 1) {
                release.await(10, TimeUnit.SECONDS);
            }
        }).route("POST", JOBS, Reply.json(page(0, 1, 1)));

        FetchResult result = fetch("x");
        release.countDown();

        assertThat(result.outcome()).isEqualTo(FetchResult.Outcome.OK);
        assertThat(server.requests("POST", JOBS)).hasSize(2);
        assertThat(sleeper.sleeps()).hasSize(1);
    }

    @Test
    void malformedJsonIsAnErrorResultNotRetried() {
        server.route("POST", JOBS, new Reply(200, "<html><body>Service Unavailable</body></html>", Map.of()));

        FetchResult result = fetch("x");

        assertThat(result.outcome()).isEqualTo(FetchResult.Outcome.FAILED);
        assertThat(result.error()).startsWith("malformed JSON from " + server.hostKey());
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void unknownSiteIsNotFoundAndNotRetried() {
        server.route("POST", JOBS, Reply.status(404));

        FetchResult result = fetch("x");

        assertThat(result.outcome()).isEqualTo(FetchResult.Outcome.NOT_FOUND);
        assertThat(result.error()).contains("HTTP 404");
        assertThat(result.postings()).isEmpty();
        assertThat(server.requests()).hasSize(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void otherClientErrorsFailWithoutRetry() {
        server.route("POST", JOBS, Reply.status(422));

        FetchResult result = fetch("x");

        assertThat(result.outcome()).isEqualTo(FetchResult.Outcome.FAILED);
        assertThat(result.error()).contains("HTTP 422");
        assertThat(server.requests()).hasSize(1);
    }

    /** A list page of {@code count} postings R-{from}.. shaped like the captured Bega page. */
    static String page(int from, int count, int total) {
        String postings = IntStream.range(from, from + count)
                .mapToObj(i -> "{\"title\":\"Engineer " + i + "\",\"externalPath\":\"/job/Sydney/Engineer-" + i + "_R-" + i
                        + "\",\"locationsText\":\"Sydney\",\"postedOn\":\"Posted " + (i % 30) + " Days Ago\","
                        + "\"bulletFields\":[\"R-" + i + "\"]}")
                .collect(Collectors.joining(","));
        return "{\"total\":" + total + ",\"jobPostings\":[" + postings + "],\"userAuthenticated\":false}";
    }

    static Map<String, Posting> byId(List<Posting> postings) {
        return postings.stream().collect(Collectors.toMap(Posting::externalId, Function.identity()));
    }
}
