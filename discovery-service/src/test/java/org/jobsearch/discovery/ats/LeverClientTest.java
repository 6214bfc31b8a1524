package org.jobsearch.discovery.ats;

import org.jobsearch.discovery.ats.FakeAtsServer.Reply;
import org.jobsearch.events.AtsPlatform;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LeverClientTest extends FakePlatformTest {

    static final String POSTINGS = "/v0/postings/acme";

    LeverClientTest() {
        super(AtsPlatform.LEVER);
    }

    FetchResult fetch() {
        return ats.fetch(new FetchRequest(new LeverConfig("acme"), null));
    }

    @Test
    void normalizesTheBareArray() {
        server.route("GET", POSTINGS + "?mode=json", Reply.resource("lever/acme-postings.json"));

        FetchResult result = fetch();

        assertThat(result.outcome()).isEqualTo(FetchResult.Outcome.OK);
        Map<String, Posting> byId = byId(result.postings());
        assertThat(byId).hasSize(3);

        Posting staff = byId.get("5ac21346-8e0c-4494-8e7a-3eb92ff77902");
        assertThat(staff.title()).as("Lever's title is 'text'").isEqualTo("Staff Software Engineer");
        assertThat(staff.location()).isEqualTo("San Francisco, CA; New York, NY");
        assertThat(staff.remote()).as("workplaceType hybrid").isFalse();
        assertThat(staff.postedDate()).as("createdAt, epoch ms").isEqualTo(LocalDate.of(2026, 6, 16));
        assertThat(staff.url()).isEqualTo("https://jobs.lever.co/acme/5ac21346-8e0c-4494-8e7a-3eb92ff77902");
        assertThat(staff.department()).isEqualTo("Engineering");
        assertThat(staff.compensation()).isEqualTo(new Compensation(new BigDecimal("180000"), new BigDecimal("240000"),
                "USD", Compensation.Interval.YEAR, "Base salary range"));
        assertThat(staff.descriptionHtml()).isEqualTo(
                "<div>Build the <a rel=\"nofollow noopener noreferrer\">platform</a>.</div><div>Hover</div>"
                        + "<h3>What you'll do</h3><ul><li>Design APIs</li><li>Run <i>Kafka</i></li></ul>"
                        + "<h3>Requirements &lt;script&gt;x&lt;/script&gt;</h3><ul><li>Java 17</li></ul>"
                        + "<div>We offer <b>equity</b>.</div>");
        assertThat(HOSTILE).noneMatch(staff.descriptionHtml()::contains);

        Posting designer = byId.get("0c5b2b8c-1f7e-4b43-9c1c-7b0e2a3d9f10");
        assertThat(designer.remote()).isTrue();
        assertThat(designer.department()).as("team when no department").isEqualTo("Design");
        assertThat(designer.compensation()).isNull();

        Posting support = byId.get("9d7a6c1e-2b3f-4c5d-8e9f-0a1b2c3d4e5f");
        assertThat(support.remote()).as("unspecified, location says nothing").isNull();
        assertThat(support.postedDate()).isEqualTo(LocalDate.of(2026, 6, 1));
    }

    @Test
    void documentNotFoundIsNotFound() {
        server.route("GET", POSTINGS, Reply.json("{\"ok\":false,\"error\":\"Document not found\"}"));

        FetchResult result = fetch();

        assertThat(result.outcome()).isEqualTo(FetchResult.Outcome.NOT_FOUND);
        assertThat(result.error()).isEqualTo("Lever site 'acme' not found: Document not found");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void http404IsNotFoundAndNotRetried() {
        server.route("GET", POSTINGS, Reply.status(404));

        assertThat(fetch().outcome()).isEqualTo(FetchResult.Outcome.NOT_FOUND);
        assertThat(server.requests()).hasSize(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void malformedJsonIsAnErrorResult() {
        server.route("GET", POSTINGS, Reply.json("[{\"id\":\"x\",\"text\":"));

        assertThat(fetch().outcome()).isEqualTo(FetchResult.Outcome.FAILED);
    }

    @Test
    void euSitesUseTheEuApi() {
        LeverClient client = new LeverClient(null, AtsProperties.defaults(), TestAts.CLOCK);

        assertThat(client.base(new LeverConfig("acme", true))).isEqualTo(URI.create("https://api.eu.lever.co"));
        assertThat(client.base(new LeverConfig("acme"))).isEqualTo(URI.create("https://api.lever.co"));
    }
}
