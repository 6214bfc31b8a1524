package org.jobsearch.discovery.ats;

import org.jobsearch.discovery.ats.FakeAtsServer.Reply;
import org.jobsearch.events.AtsPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Nothing a user enters can make the server fetch a host off the allow-list, not even through a redirect. */
class AllowListTest {

    final FakeAtsServer target = new FakeAtsServer();
    final FakeAtsServer redirector = new FakeAtsServer();
    final RecordingSleeper sleeper = new RecordingSleeper();
    HostScheduler scheduler;

    @AfterEach
    void tearDown() {
        if (scheduler != null) {
            scheduler.close();
        }
        target.close();
        redirector.close();
    }

    AtsService ats(Map<AtsPlatform, URI> bases, List<String> extraHosts) {
        AtsProperties properties = TestAts.properties(bases, extraHosts, Duration.ZERO, 2);
        scheduler = TestAts.scheduler(properties, sleeper);
        return TestAts.service(properties, scheduler, sleeper);
    }

    @Test
    void aCareersUrlOnAnyOtherHostDerivesNothing() {
        assertThatThrownBy(() -> AtsConfigs.fromCareersUrl(target.base() + "/en-US/External"))
                .isInstanceOf(AtsConfigException.class)
                .hasMessageContaining("host 127.0.0.1 is not a supported careers host");
        assertThat(target.requests()).isEmpty();
    }

    @Test
    void aWorkdayHostOffTheListIsNeverContacted() {
        AtsService ats = ats(Map.of(), List.of());
        target.route("POST", "/wday/cxs/acme/External/jobs", Reply.json("{\"total\":0,\"jobPostings\":[]}"));

        FetchResult result = ats.fetch(new FetchRequest(new WorkdayConfig(target.hostKey(), "acme", "External"), "x"));

        assertThat(result.outcome()).isEqualTo(FetchResult.Outcome.REFUSED);
        assertThat(result.error()).contains("host 127.0.0.1 is not an ATS host");
        assertThat(target.requests()).isEmpty();
    }

    @Test
    void aBaseUrlOffTheListIsRefused() {
        AtsService ats = ats(Map.of(AtsPlatform.GREENHOUSE, target.base()), List.of("mirror.example"));
        target.route("GET", "/v1/boards/acme/jobs", Reply.resource("greenhouse/acme-jobs.json"));

        FetchResult result = ats.fetch(new FetchRequest(new GreenhouseConfig("acme"), null));

        assertThat(result.outcome()).isEqualTo(FetchResult.Outcome.REFUSED);
        assertThat(target.requests()).isEmpty();
    }

    @Test
    void aRedirectOffTheListIsRefusedWithoutFollowingIt() {
        AtsService ats = ats(Map.of(AtsPlatform.GREENHOUSE, redirector.base()), List.of(TestAts.LOOPBACK));
        String offList = "http://localhost:" + target.base().getPort() + "/v1/boards/acme/jobs?content=true";
        redirector.route("GET", "/v1/boards/acme/jobs", new Reply(302, "", Map.of("Location", offList)));
        target.route("GET", "/v1/boards/acme/jobs", Reply.resource("greenhouse/acme-jobs.json"));

        FetchResult result = ats.fetch(new FetchRequest(new GreenhouseConfig("acme"), null));

        assertThat(result.outcome()).isEqualTo(FetchResult.Outcome.REFUSED);
        assertThat(result.error()).contains("host localhost is not an ATS host");
        assertThat(redirector.requests()).hasSize(1);
        assertThat(target.requests()).isEmpty();
    }

    @Test
    void aRedirectWithinTheListIsFollowed() {
        AtsService ats = ats(Map.of(AtsPlatform.GREENHOUSE, redirector.base()), List.of(TestAts.LOOPBACK));
        redirector.route("GET", "/v1/boards/acme/jobs",
                new Reply(301, "", Map.of("Location", target.base() + "/v1/boards/acme/jobs?content=true")));
        target.route("GET", "/v1/boards/acme/jobs", Reply.resource("greenhouse/acme-jobs.json"));

        FetchResult result = ats.fetch(new FetchRequest(new GreenhouseConfig("acme"), null));

        assertThat(result.outcome()).isEqualTo(FetchResult.Outcome.OK);
        assertThat(result.postings()).hasSize(3);
    }

    @ParameterizedTest(name = "{0} allowed: {1}")
    @CsvSource({
            "https://acme.wd5.myworkdayjobs.com/wday/cxs/acme/External/jobs, true",
            "https://wd5.myworkdaysite.com/wday/cxs/acme/External/jobs,      true",
            "https://boards-api.greenhouse.io/v1/boards/acme/jobs,           true",
            "https://api.lever.co/v0/postings/acme,                          true",
            "https://api.eu.lever.co/v0/postings/acme,                       true",
            "https://api.ashbyhq.com/posting-api/job-board/acme,             true",
            "https://api.smartrecruiters.com/v1/companies/Acme/postings,     true",
            "https://API.LEVER.CO./v0/postings/acme,                         true",
            "https://a.mirror.example:8443/jobs,                             true",
            "http://localhost:8089/jobs,                                     true",
            "http://acme.wd5.myworkdayjobs.com/jobs,                         false",
            "https://acme.wd5.myworkdayjobs.com:8443/jobs,                   false",
            "https://myworkdayjobs.com/jobs,                                 false",
            "https://acme.myworkdayjobs.com.evil.example/jobs,               false",
            "https://user@api.lever.co/v0/postings/acme,                     false",
            "https://boards.greenhouse.io/acme,                              false",
            "https://mirror.example/jobs,                                    false",
            "https://169.254.169.254/latest/meta-data,                       false",
            "file:///etc/passwd,                                             false",
            "ftp://api.lever.co/x,                                           false",
    })
    void platformHostsOverHttpsAndTheOperatorsExtras(String uri, boolean allowed) {
        HostAllowList list = new HostAllowList(List.of("*.mirror.example", "localhost"));

        assertThat(list.refusal(URI.create(uri)) == null).isEqualTo(allowed);
    }
}
