package org.jobsearch.discovery.ats;

import org.jobsearch.discovery.ats.FakeAtsServer.Reply;
import org.jobsearch.events.AtsPlatform;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AshbyClientTest extends FakePlatformTest {

    static final String BOARD = "/posting-api/job-board/acme";

    AshbyClientTest() {
        super(AtsPlatform.ASHBY);
    }

    FetchResult fetch() {
        return ats.fetch(new FetchRequest(new AshbyConfig("acme"), "engineer"));
    }

    @Test
    void normalizesListedPostingsWithCompensation() {
        server.route("GET", BOARD + "?includeCompensation=true", Reply.resource("ashby/acme-job-board.json"));

        FetchResult result = fetch();

        assertThat(result.outcome()).isEqualTo(FetchResult.Outcome.OK);
        Map<String, Posting> byId = byId(result.postings());
        assertThat(byId).as("the unlisted posting is dropped")
                .containsOnlyKeys("7d1a3f0e-9c1b-4a77-b0f2-6a5e3c2d1b00", "2b4c6d8e-0f1a-4b3c-9d5e-7f8a9b0c1d2e");

        Posting engineer = byId.get("7d1a3f0e-9c1b-4a77-b0f2-6a5e3c2d1b00");
        assertThat(engineer.title()).isEqualTo("Senior Product Engineer");
        assertThat(engineer.location()).isEqualTo("San Francisco; New York");
        assertThat(engineer.remote()).as("workplaceType Hybrid wins over isRemote true").isFalse();
        assertThat(engineer.postedDate()).isEqualTo(LocalDate.of(2026, 6, 10));
        assertThat(engineer.url()).isEqualTo("https://jobs.ashbyhq.com/acme/7d1a3f0e-9c1b-4a77-b0f2-6a5e3c2d1b00");
        assertThat(engineer.department()).isEqualTo("Engineering");
        assertThat(engineer.compensation()).as("salary components of both tiers, equity left out")
                .isEqualTo(new Compensation(new BigDecimal("180000"), new BigDecimal("220000"), "USD",
                        Compensation.Interval.YEAR, "$180K - $220K"));
        assertThat(engineer.descriptionHtml()).isEqualTo("<p>Ship product.</p><p></p><p>"
                + "<a rel=\"nofollow noopener noreferrer\">click</a></p>");
        assertThat(HOSTILE).noneMatch(engineer.descriptionHtml().toLowerCase()::contains);
        assertThat(engineer.searchTerm()).isNull();

        Posting support = byId.get("2b4c6d8e-0f1a-4b3c-9d5e-7f8a9b0c1d2e");
        assertThat(support.remote()).as("isRemote when no workplaceType").isTrue();
        assertThat(support.compensation()).isEqualTo(new Compensation(new BigDecimal("25"), new BigDecimal("32"), "USD",
                Compensation.Interval.HOUR, "$25 – $32 per hour"));
    }

    @Test
    void unknownBoardIsNotFoundAndNotRetried() {
        server.route("GET", BOARD, Reply.status(404));

        FetchResult result = fetch();

        assertThat(result.outcome()).isEqualTo(FetchResult.Outcome.NOT_FOUND);
        assertThat(server.requests()).hasSize(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void waitsOutA429() {
        server.route("GET", BOARD, Reply.status(429).withHeader("Retry-After", "2"),
                Reply.resource("ashby/acme-job-board.json"));

        assertThat(fetch().postings()).hasSize(2);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void malformedJsonIsAnErrorResult() {
        server.route("GET", BOARD, Reply.json("{\"apiVersion\":\"1\",\"jobs\":[}"));

        assertThat(fetch().outcome()).isEqualTo(FetchResult.Outcome.FAILED);
    }
}
