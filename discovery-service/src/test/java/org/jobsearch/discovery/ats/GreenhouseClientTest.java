package org.jobsearch.discovery.ats;

import org.jobsearch.discovery.ats.FakeAtsServer.Reply;
import org.jobsearch.events.AtsPlatform;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GreenhouseClientTest extends FakePlatformTest {

    static final String JOBS = "/v1/boards/acme/jobs";

    GreenhouseClientTest() {
        super(AtsPlatform.GREENHOUSE);
    }

    FetchResult fetch() {
        return ats.fetch(new FetchRequest(new GreenhouseConfig("acme"), "engineer"));
    }

    @Test
    void normalizesTheWholeBoardFromOneRequest() {
        server.route("GET", JOBS + "?content=true", Reply.resource("greenhouse/acme-jobs.json"));

        FetchResult result = fetch();

        assertThat(result.outcome()).isEqualTo(FetchResult.Outcome.OK);
        assertThat(server.requests()).hasSize(1);
        Map<String, Posting> byId = byId(result.postings());
        assertThat(byId).hasSize(3);

        Posting backend = byId.get("5012345004");
        assertThat(backend.platform()).isEqualTo(AtsPlatform.GREENHOUSE);
        assertThat(backend.title()).isEqualTo("Senior Backend Engineer, Payments");
        assertThat(backend.location()).isEqualTo("Hybrid - London");
        assertThat(backend.remote()).isFalse();
        assertThat(backend.postedDate()).as("first_published").isEqualTo(LocalDate.of(2026, 6, 2));
        assertThat(backend.url()).isEqualTo("https://job-boards.greenhouse.io/acme/jobs/5012345004");
        assertThat(backend.department()).isEqualTo("Engineering");
        assertThat(backend.compensation()).isNull();
        assertThat(backend.searchTerm()).as("whole board, no server-side search").isNull();
        assertThat(backend.descriptionHtml())
                .as("entity-escaped content unescaped once, then sanitized")
                .startsWith("<h2>About the role</h2><p>You will build our <strong>payments platform</strong> in Java.</p>")
                .contains("<li>Kafka &amp; PostgreSQL</li>")
                .contains("<a rel=\"nofollow noopener noreferrer\">Apply</a>")
                .contains("<a href=\"https://acme.example/careers\" rel=\"nofollow noopener noreferrer\">learn more</a>");
        assertThat(HOSTILE).noneMatch(backend.descriptionHtml()::contains);

        Posting analyst = byId.get("5012345005");
        assertThat(analyst.remote()).isTrue();
        assertThat(analyst.department()).isEqualTo("Data, Finance");
        assertThat(analyst.postedDate()).isEqualTo(LocalDate.of(2026, 6, 19));
        assertThat(analyst.url()).isEqualTo("https://acme.example/careers?gh_jid=5012345005");

        Posting ops = byId.get("5012345006");
        assertThat(ops.location()).isEqualTo("Larkspur, California");
        assertThat(ops.remote()).isNull();
        assertThat(ops.postedDate()).as("updated_at when never published").isEqualTo(LocalDate.of(2026, 5, 30));
        assertThat(ops.department()).isNull();
        assertThat(ops.descriptionHtml()).isNull();
    }

    @Test
    void unknownBoardIsNotFoundAndNotRetried() {
        server.route("GET", JOBS, Reply.status(404));

        FetchResult result = fetch();

        assertThat(result.outcome()).isEqualTo(FetchResult.Outcome.NOT_FOUND);
        assertThat(server.requests()).hasSize(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void retriesA5xxThenSucceeds() {
        server.route("GET", JOBS, Reply.status(502), Reply.resource("greenhouse/acme-jobs.json"));

        assertThat(fetch().postings()).hasSize(3);
        assertThat(server.requests()).hasSize(2);
        assertThat(sleeper.sleeps()).hasSize(1);
    }

    @Test
    void truncatedJsonIsAnErrorResult() {
        String full = TestAts.resource("greenhouse/acme-jobs.json");
        server.route("GET", JOBS, Reply.json(full.substring(0, full.length() / 2)));

        FetchResult result = fetch();

        assertThat(result.outcome()).isEqualTo(FetchResult.Outcome.FAILED);
        assertThat(result.error()).startsWith("malformed JSON from " + server.hostKey());
    }

    @Test
    void jsonWithoutJobsIsAnErrorResult() {
        server.route("GET", JOBS, Reply.json("{\"status\":\"maintenance\"}"));

        FetchResult result = fetch();

        assertThat(result.outcome()).isEqualTo(FetchResult.Outcome.FAILED);
        assertThat(result.error()).contains("no 'jobs' array");
    }
}
