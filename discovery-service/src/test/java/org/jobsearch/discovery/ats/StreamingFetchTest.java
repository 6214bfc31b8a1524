package org.jobsearch.discovery.ats;

import org.jobsearch.discovery.ats.FakeAtsServer.Reply;
import org.jobsearch.events.AtsPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streaming fetches: postings reach the sink a page (or a whole-board slice) at a time, and a sink that wants no
 * more stops the fetch before anything else is sent.
 */
class StreamingFetchTest {

    final FakeAtsServer server = new FakeAtsServer();
    final RecordingSleeper sleeper = new RecordingSleeper();
    final AtsProperties properties = TestAts.properties(Map.of(AtsPlatform.WORKDAY, server.base(),
            AtsPlatform.GREENHOUSE, server.base()), List.of(TestAts.LOOPBACK), Duration.ZERO, 2);
    final HostScheduler scheduler = TestAts.scheduler(properties, sleeper);
    final AtsService ats = TestAts.service(properties, scheduler, sleeper);

    @AfterEach
    void close() {
        scheduler.close();
        server.close();
    }

    @Test
    void workdayHandsOnEachListPageWithItsDetailsBeforeAskingForTheNext() {
        String cxs = "/wday/cxs/acme/External";
        server.answer("POST", cxs + "/jobs", request -> {
            int offset = Integer.parseInt(request.body().replaceAll(".*\"offset\":(\\d+).*", "$1"));
            // the total only on the first page, as Workday does
            return Reply.json(workdayPage(offset == 0 ? 45 : 0, offset, Math.min(20, 45 - offset)));
        });
        IntStream.rangeClosed(1, 45).forEach(k -> server.route("GET", cxs + "/job/Remote/Job-" + k + "_R" + k,
                Reply.json("{\"jobPostingInfo\": {\"jobDescription\": \"<p>job " + k + "</p>\"}}")));
        List<List<String>> batches = new ArrayList<>();
        List<Integer> requestsAtDelivery = new ArrayList<>();

        FetchResult result = ats.fetch(new FetchRequest(new WorkdayConfig("acme.wd1.myworkdayjobs.com", "acme",
                "External"), "engineer"), batch -> {
            batches.add(batch.stream().map(Posting::externalId).toList());
            requestsAtDelivery.add(server.requests("POST", "/").size() + server.requests("GET", "/").size());
            return true;
        });

        assertThat(result.isOk()).isTrue();
        assertThat(result.postings()).as("streamed, not collected").isEmpty();
        assertThat(batches).extracting(List::size).containsExactly(20, 20, 5);
        assertThat(batches.get(0)).containsExactlyElementsOf(ids(1, 20));
        // first page: 1 list + 20 details were sent when it was handed on; the second page only after that
        assertThat(requestsAtDelivery).containsExactly(21, 42, 48);
    }

    @Test
    void aSinkThatWantsNoMoreStopsTheFetch() {
        String cxs = "/wday/cxs/acme/External";
        server.answer("POST", cxs + "/jobs", request -> Reply.json(workdayPage(100, 0, 20)));
        IntStream.rangeClosed(1, 20).forEach(k -> server.route("GET", cxs + "/job/Remote/Job-" + k + "_R" + k,
                Reply.json("{\"jobPostingInfo\": {}}")));

        FetchResult result = ats.fetch(new FetchRequest(new WorkdayConfig("acme.wd1.myworkdayjobs.com", "acme",
                "External"), "engineer"), batch -> false);

        assertThat(result.isOk()).isTrue();
        assertThat(server.requests("POST", cxs + "/jobs")).as("no second page").hasSize(1);
        assertThat(server.requests("GET", cxs + "/job/")).hasSize(20);
    }

    @Test
    void aWholeBoardIsParsedAsAStreamAndHandedOnInSlices() {
        String jobs = IntStream.rangeClosed(1, 120).mapToObj(k -> "{\"id\": " + k + ", \"title\": \"Engineer " + k
                + "\", \"location\": {\"name\": \"Oslo\"}, \"content\": \"&lt;p&gt;job " + k + "&lt;/p&gt;\"}")
                .collect(Collectors.joining(","));
        // the array comes after another field, and a field after it is skipped too
        server.route("GET", "/v1/boards/acme/jobs", Reply.json("{\"meta\": {\"total\": 120, \"x\": [1, {\"y\": 2}]}, "
                + "\"jobs\": [" + jobs + "], \"after\": {\"z\": []}}"));
        List<Integer> sizes = new ArrayList<>();
        List<String> ids = new ArrayList<>();

        FetchResult result = ats.fetch(new FetchRequest(new GreenhouseConfig("acme"), null), batch -> {
            sizes.add(batch.size());
            batch.forEach(p -> ids.add(p.externalId()));
            return true;
        });

        assertThat(result.isOk()).isTrue();
        assertThat(sizes).containsExactly(50, 50, 20);
        assertThat(ids).containsExactlyElementsOf(IntStream.rangeClosed(1, 120).mapToObj(String::valueOf).toList());
        assertThat(ats.fetch(new FetchRequest(new GreenhouseConfig("acme"), null)).postings().get(119)
                .descriptionHtml()).isEqualTo("<p>job 120</p>");
    }

    @Test
    void aTruncatedWholeBoardIsAFailureNotAShorterBoard() {
        server.route("GET", "/v1/boards/acme/jobs", Reply.json("{\"jobs\": [{\"id\": 1, \"title\": \"Engineer\"}, "));
        FetchResult result = ats.fetch(new FetchRequest(new GreenhouseConfig("acme"), null));
        assertThat(result.outcome()).isEqualTo(FetchResult.Outcome.FAILED);
        assertThat(result.error()).contains("malformed JSON");
    }

    @Test
    void workdayTenantsReachedUnderTheirOwnHostsKeepTheAllowList() {
        AtsProperties perTenant = new AtsProperties(Duration.ofSeconds(2), Duration.ofSeconds(5), 1,
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 2, Duration.ZERO, 1000,
                AtsProperties.DEFAULT_USER_AGENT, List.of(TestAts.LOOPBACK), Map.of(), "http://{host}");
        try (HostScheduler lanes = TestAts.scheduler(perTenant, sleeper)) {
            AtsService service = TestAts.service(perTenant, lanes, sleeper);
            String cxs = "/wday/cxs/acme/External";
            server.answer("POST", cxs + "/jobs", request -> Reply.json(workdayPage(1, 0, 1)));
            server.route("GET", cxs + "/job/Remote/Job-1_R1", Reply.json("{\"jobPostingInfo\": {}}"));

            FetchResult mirrored = service.fetch(new FetchRequest(new WorkdayConfig(server.hostKey(), "acme",
                    "External"), "engineer"));
            assertThat(mirrored.isOk()).isTrue();
            assertThat(mirrored.postings()).extracting(Posting::externalId).containsExactly("R1");

            // a real tenant host is never fetched over plain http, whatever the template says
            FetchResult real = service.fetch(new FetchRequest(new WorkdayConfig("acme.wd1.myworkdayjobs.com", "acme",
                    "External"), "engineer"));
            assertThat(real.outcome()).isEqualTo(FetchResult.Outcome.REFUSED);
        }
    }

    private static List<String> ids(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(k -> "R" + k).toList();
    }

    private static String workdayPage(int total, int offset, int count) {
        String items = IntStream.rangeClosed(offset + 1, offset + count).mapToObj(k -> "{\"title\": \"Engineer " + k
                + "\", \"externalPath\": \"/job/Remote/Job-" + k + "_R" + k + "\", \"bulletFields\": [\"R" + k + "\"]}")
                .collect(Collectors.joining(","));
        return "{\"total\": " + total + ", \"jobPostings\": [" + items + "]}";
    }
}
