package org.jobsearch.discovery.ats;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class AtsConfigsTest {

    static Stream<Arguments> careersUrls() {
        WorkdayConfig acme = new WorkdayConfig("acme.wd5.myworkdayjobs.com", "acme", "External");
        return Stream.of(
                arguments("https://acme.wd5.myworkdayjobs.com/en-US/External", acme),
                arguments("https://acme.wd5.myworkdayjobs.com/External", acme),
                arguments("acme.wd5.myworkdayjobs.com/en-US/External/", acme),
                arguments("https://ACME.wd5.myworkdayjobs.com/fr-ca/External?q=java#top", acme),
                arguments("https://acme.wd5.myworkdayjobs.com/wday/cxs/acme/External/jobs", acme),
                arguments("https://autodesk.wd1.myworkdayjobs.com/en-US/Ext",
                        new WorkdayConfig("autodesk.wd1.myworkdayjobs.com", "autodesk", "Ext")),
                arguments("https://begacheese.wd3.myworkdayjobs.com/Bega_Careers/job/Hobart-TAS/Quality_JR-7309",
                        new WorkdayConfig("begacheese.wd3.myworkdayjobs.com", "begacheese", "Bega_Careers")),
                arguments("https://wd5.myworkdaysite.com/en-US/recruiting/acme/External",
                        new WorkdayConfig("wd5.myworkdaysite.com", "acme", "External")),
                arguments("https://wd5.myworkdaysite.com/recruiting/acme/External/job/Remote/Engineer_R1",
                        new WorkdayConfig("wd5.myworkdaysite.com", "acme", "External")),
                arguments("https://boards.greenhouse.io/acme", new GreenhouseConfig("acme")),
                arguments("boards.greenhouse.io/acme", new GreenhouseConfig("acme")),
                arguments("https://job-boards.greenhouse.io/acme/jobs/5012345004", new GreenhouseConfig("acme")),
                arguments("https://job-boards.eu.greenhouse.io/acme", new GreenhouseConfig("acme")),
                arguments("https://boards.greenhouse.io/embed/job_board?for=acme&b=https", new GreenhouseConfig("acme")),
                arguments("https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true",
                        new GreenhouseConfig("acme")),
                arguments("https://jobs.lever.co/acme", new LeverConfig("acme", false)),
                arguments("jobs.lever.co/acme/5ac21346-8e0c-4494-8e7a-3eb92ff77902", new LeverConfig("acme", false)),
                arguments("https://jobs.eu.lever.co/acme", new LeverConfig("acme", true)),
                arguments("https://api.lever.co/v0/postings/acme?mode=json", new LeverConfig("acme", false)),
                arguments("https://jobs.ashbyhq.com/acme", new AshbyConfig("acme")),
                arguments("https://jobs.ashbyhq.com/acme/7d1a3f0e-9c1b-4a77-b0f2-6a5e3c2d1b00", new AshbyConfig("acme")),
                arguments("https://api.ashbyhq.com/posting-api/job-board/acme?includeCompensation=true",
                        new AshbyConfig("acme")),
                arguments("https://jobs.smartrecruiters.com/Acme", new SmartRecruitersConfig("Acme")),
                arguments("https://jobs.smartrecruiters.com/Acme/744000151912444-game-designer",
                        new SmartRecruitersConfig("Acme")),
                arguments("https://careers.smartrecruiters.com/Acme", new SmartRecruitersConfig("Acme")),
                arguments("https://api.smartrecruiters.com/v1/companies/Acme/postings", new SmartRecruitersConfig("Acme")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("careersUrls")
    void derivesTheConfig(String url, AtsConfig expected) {
        assertThat(AtsConfigs.fromCareersUrl(url)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "https://careers.acme.example/jobs                | host careers.acme.example is not a supported careers host",
            "https://jobs.lever.co.evil.example/acme          | host jobs.lever.co.evil.example is not a supported careers host",
            "https://acme.wd5.myworkdayjobs.com/              | cannot derive the Workday site",
            "https://acme.wd5.myworkdayjobs.com/en-US         | cannot derive the Workday site",
            "https://wd5.myworkdayjobs.com/External           | cannot derive the Workday tenant",
            "https://wd5.myworkdaysite.com/en-US/acme         | cannot derive the Workday tenant and site",
            "https://boards.greenhouse.io/                    | cannot derive the Greenhouse board token",
            "https://boards.greenhouse.io/embed/job_board     | the embedded board URL has no for= parameter",
            "https://jobs.lever.co                            | cannot derive the Lever site",
            "https://jobs.ashbyhq.com/                        | cannot derive the Ashby organization",
            "https://jobs.smartrecruiters.com                 | cannot derive the SmartRecruiters company identifier",
            "https://jobs.lever.co/ac me                      | is not a valid URL",
            "ftp://jobs.lever.co/acme                         | is not an http(s) URL",
            "https://user@jobs.lever.co/acme                  | has no usable host",
            "https://jobs.lever.co/acme%2F..%2Fadmin          | Lever site must be",
            "' '                                              | careers URL is empty",
    })
    void namesWhatCannotBeDerived(String url, String message) {
        assertThatThrownBy(() -> AtsConfigs.fromCareersUrl(url))
                .isInstanceOf(AtsConfigException.class)
                .hasMessageContaining(message);
    }
}
