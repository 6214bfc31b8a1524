package org.jobsearch.discovery.ats;

import org.jobsearch.discovery.ats.FakeAtsServer.Reply;
import org.jobsearch.events.AtsPlatform;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SmartRecruitersClientTest extends FakePlatformTest {

    static final String POSTINGS = "/v1/companies/Acme/postings";

    SmartRecruitersClientTest() {
        super(AtsPlatform.SMARTRECRUITERS);
    }

    FetchResult fetch(String term) {
        return ats.fetch(new FetchRequest(new SmartRecruitersConfig("Acme"), term));
    }

    @Test
    void pagesByTheReturnedLimitAndFetchesEachDetail() {
        server.route("GET", POSTINGS + "?limit=100&offset=0&q=game+designer",
                        Reply.resource("smartrecruiters/acme-postings-page-1.json"))
                .route("GET", POSTINGS + "?limit=100&offset=2&q=game+designer",
                        Reply.resource("smartrecruiters/acme-postings-page-2.json"))
                .route("GET", POSTINGS + "/744000151912444",
                        Reply.resource("smartrecruiters/acme-posting-744000151912444.json"))
                .route("GET", POSTINGS + "/744000151912445",
                        Reply.resource("smartrecruiters/acme-posting-744000151912445.json"));

        FetchResult result = fetch("game designer");

        assertThat(result.outcome()).isEqualTo(FetchResult.Outcome.OK);
        // streaming: a page's details are fetched (and the page handed on) before the next page is asked for
        assertThat(server.requests()).extracting(FakeAtsServer.Recorded::pathAndQuery).containsExactly(
                POSTINGS + "?limit=100&offset=0&q=game+designer",
                POSTINGS + "/744000151912444",
                POSTINGS + "/744000151912445",
                POSTINGS + "?limit=100&offset=2&q=game+designer",
                POSTINGS + "/744000151912446");
        Map<String, Posting> byId = byId(result.postings());
        assertThat(byId).hasSize(3);

        Posting designer = byId.get("744000151912444");
        assertThat(designer.title()).as("SmartRecruiters' title is 'name'").isEqualTo("Game Designer");
        assertThat(designer.location()).isEqualTo("Montpellier, Occitanie, France");
        assertThat(designer.remote()).as("hybrid").isFalse();
        assertThat(designer.postedDate()).isEqualTo(LocalDate.of(2026, 6, 15));
        assertThat(designer.url()).isEqualTo("https://jobs.smartrecruiters.com/Acme/744000151912444-game-designer");
        assertThat(designer.department()).isEqualTo("Game Design");
        assertThat(designer.compensation()).isNull();
        assertThat(designer.searchTerm()).isEqualTo("game designer");
        assertThat(designer.descriptionHtml()).isEqualTo("<h3>Company Description</h3><p>We make games.</p>"
                + "<h3>Job Description</h3><p>Design <em>levels</em>.</p><p><a rel=\"nofollow noopener noreferrer\">"
                + "apply</a></p><h3>Qualifications</h3><ul><li>3 years in games</li></ul>"
                + "<h3>Additional Information</h3><p>Hybrid, 2 days remote.</p>");
        assertThat(HOSTILE).noneMatch(designer.descriptionHtml()::contains);

        Posting programmer = byId.get("744000151912445");
        assertThat(programmer.location()).as("built when fullLocation is missing").isEqualTo("Paris, FR");
        assertThat(programmer.remote()).isTrue();
        assertThat(programmer.department()).as("function when department is {}").isEqualTo("Engineering");

        Posting artist = byId.get("744000151912446");
        assertThat(artist.remote()).isFalse();
        assertThat(artist.url()).as("public URL when the detail is unavailable")
                .isEqualTo("https://jobs.smartrecruiters.com/Acme/744000151912446");
        assertThat(artist.descriptionHtml()).isNull();
    }

    @Test
    void aFailingPageIsAnErrorResultForTheCompany() {
        server.route("GET", POSTINGS, Reply.json("not json at all"));

        FetchResult result = fetch(null);

        assertThat(result.outcome()).isEqualTo(FetchResult.Outcome.FAILED);
        assertThat(result.error()).startsWith("malformed JSON");
    }

    @Test
    void unknownCompanyIsNotFound() {
        server.route("GET", POSTINGS, Reply.status(404));

        assertThat(fetch(null).outcome()).isEqualTo(FetchResult.Outcome.NOT_FOUND);
        assertThat(server.requests()).hasSize(1);
    }
}
