package org.jobsearch.discovery.ats;

import org.jobsearch.discovery.ats.FakeAtsServer.Reply;
import org.jobsearch.events.AtsPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Many companies at once: each ends in its own result, a broken one never stops the others. */
class AtsServiceTest {

    final FakeAtsServer greenhouse = new FakeAtsServer();
    final FakeAtsServer lever = new FakeAtsServer();
    final FakeAtsServer ashby = new FakeAtsServer();
    final RecordingSleeper sleeper = new RecordingSleeper();
    final HostScheduler scheduler;
    final AtsService ats;

    AtsServiceTest() {
        AtsProperties properties = TestAts.properties(Map.of(
                        AtsPlatform.GREENHOUSE, greenhouse.base(),
                        AtsPlatform.LEVER, lever.base(),
                        AtsPlatform.ASHBY, ashby.base()),
                List.of(TestAts.LOOPBACK), Duration.ofMillis(250), 2);
        scheduler = TestAts.scheduler(properties, sleeper);
        ats = TestAts.service(properties, scheduler, sleeper);
    }

    @AfterEach
    void tearDown() {
        scheduler.close();
        List.of(greenhouse, lever, ashby).forEach(FakeAtsServer::close);
    }

    @Test
    void oneBrokenCompanyNeverStopsTheOthers() {
        greenhouse.route("GET", "/v1/boards/acme/jobs", Reply.resource("greenhouse/acme-jobs.json"))
                .route("GET", "/v1/boards/gone/jobs", Reply.status(404));
        lever.route("GET", "/v0/postings/acme", Reply.json("[{\"id\":"));
        ashby.route("GET", "/posting-api/job-board/acme", Reply.resource("ashby/acme-job-board.json"));

        List<FetchRequest> requests = List.of(
                new FetchRequest(new GreenhouseConfig("acme"), "engineer"),
                new FetchRequest(new GreenhouseConfig("gone"), "engineer"),
                new FetchRequest(new LeverConfig("acme"), "engineer"),
                new FetchRequest(new WorkdayConfig("intranet.example", "acme", "External"), "engineer"),
                new FetchRequest(new AshbyConfig("acme"), "engineer"));

        List<FetchResult> results = ats.fetchAll(requests);

        assertThat(results).extracting(FetchResult::request).containsExactlyElementsOf(requests);
        assertThat(results).extracting(FetchResult::outcome).containsExactly(
                FetchResult.Outcome.OK, FetchResult.Outcome.NOT_FOUND, FetchResult.Outcome.FAILED,
                FetchResult.Outcome.REFUSED, FetchResult.Outcome.OK);
        assertThat(results.get(0).postings()).hasSize(3);
        assertThat(results.get(4).postings()).hasSize(2);
        assertThat(sleeper.sleeps()).as("the two Greenhouse boards share a host: one pause between them")
                .containsExactly(Duration.ofMillis(250));
    }

    @Test
    void onlyWorkdayAndSmartRecruitersSearchServerSide() {
        assertThat(List.of(AtsPlatform.values())).filteredOn(AtsService::searchesServerSide)
                .containsExactlyInAnyOrder(AtsPlatform.WORKDAY, AtsPlatform.SMARTRECRUITERS);
    }
}
