package org.jobsearch.llm.api;

import org.jobsearch.identity.CurrentUser;
import org.jobsearch.identity.IdentityProperties;
import org.jobsearch.identity.IdentityTokenSigner;
import org.jobsearch.llm.LlmTestApplication;
import org.jobsearch.testkit.TestHttp;
import org.jobsearch.testkit.WithRealInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;


/**
 * The read API a service gets from the library once it sets {@code jobsearch.llm.api.base-path}: on
 * real PostgreSQL, called over HTTP with the gateway's identity token, always scoped to the caller.
 */
@SpringBootTest(classes = LlmTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "jobsearch.llm.api.base-path=/api/things/llm")
@WithRealInfrastructure
class LlmApiTest {

    static final Instant DAY1 = Instant.parse("2026-03-02T10:00:00Z");
    static final Instant DAY2 = Instant.parse("2026-03-04T23:30:00Z");

    @LocalServerPort
    int port;
    @Autowired
    IdentityProperties identity;
    @Autowired
    JdbcTemplate jdbc;

    RestTestClient http;
    IdentityTokenSigner signer;
    CurrentUser owner;
    CurrentUser other;

    @BeforeEach
    void setUp() {
        http = TestHttp.client(port);
        signer = new IdentityTokenSigner(identity);
        owner = new CurrentUser(UUID.randomUUID(), "olga", Set.of(CurrentUser.USER));
        other = new CurrentUser(UUID.randomUUID(), "otto", Set.of(CurrentUser.USER));
    }

    String bearer(CurrentUser user) {
        return "Bearer " + signer.sign(user);
    }

    void insert(CurrentUser user, UUID job, UUID application, String purpose, String cost, Instant at) {
        jdbc.update("""
                        insert into llm_call (id, owner_id, job_id, application_id, purpose, provider, model, input_tokens,
                            cache_write_tokens, cache_read_tokens, output_tokens, cost_usd, outcome, created_at)
                        values (?, ?, ?, ?, ?, 'anthropic', 'claude-sonnet-4-5', 1000, 200, 100, 50, ?, 'ok', ?)""",
                UUID.randomUUID(), user.id(), job, application, purpose, new BigDecimal(cost), Timestamp.from(at));
    }

    @Test
    void costs_totalPerPurposeDayJobAndApplication_ofTheCallerOnly() {
        UUID jobA = UUID.randomUUID();
        UUID jobB = UUID.randomUUID();
        UUID application = UUID.randomUUID();
        insert(owner, jobA, null, "jd_parse", "0.017", DAY1);
        insert(owner, jobA, null, "bullets", "0.014", DAY1);
        insert(owner, jobB, application, "jd_parse", "0.020", DAY2);
        insert(owner, null, application, "prep_interview", "0.300", DAY2);
        insert(owner, jobA, null, "jd_parse", "9.000", Instant.parse("2026-04-01T00:00:00Z"));   // after the period
        insert(other, jobA, application, "jd_parse", "7.000", DAY1);                          // someone else's
        insert(other, UUID.randomUUID(), null, "bullets", "8.000", DAY2);

        http.get().uri("/api/things/llm/costs?from=2026-03-01&to=2026-03-31")
                .header(HttpHeaders.AUTHORIZATION, bearer(owner)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.from").isEqualTo("2026-03-01")
                .jsonPath("$.to").isEqualTo("2026-03-31")
                .jsonPath("$.currency").isEqualTo("USD")
                .jsonPath("$.total.calls").isEqualTo(4)
                .jsonPath("$.total.costUsd").isEqualTo(0.351)
                .jsonPath("$.total.inputTokens").isEqualTo(4000)
                .jsonPath("$.total.cacheWriteTokens").isEqualTo(800)
                .jsonPath("$.total.cacheReadTokens").isEqualTo(400)
                .jsonPath("$.total.outputTokens").isEqualTo(200)
                .jsonPath("$.byPurpose[*].purpose").isEqualTo(java.util.List.of("prep_interview", "jd_parse", "bullets"))
                .jsonPath("$.byPurpose[1].usage.calls").isEqualTo(2)
                .jsonPath("$.byPurpose[1].usage.costUsd").isEqualTo(0.037)
                // every day of March, the quiet ones as zero
                .jsonPath("$.byDay.length()").isEqualTo(31)
                .jsonPath("$.byDay[0].day").isEqualTo("2026-03-01")
                .jsonPath("$.byDay[0].usage.calls").isEqualTo(0)
                .jsonPath("$.byDay[0].usage.costUsd").isEqualTo(0)
                .jsonPath("$.byDay[1].usage.calls").isEqualTo(2)
                .jsonPath("$.byDay[1].usage.costUsd").isEqualTo(0.031)
                .jsonPath("$.byDay[3].usage.calls").isEqualTo(2)
                .jsonPath("$.byDay[3].usage.costUsd").isEqualTo(0.32)
                .jsonPath("$.byDay[30].day").isEqualTo("2026-03-31")
                .jsonPath("$.byJob[*].jobId").isEqualTo(java.util.List.of(jobA.toString(), jobB.toString()))
                .jsonPath("$.byJob[0].usage.costUsd").isEqualTo(0.031)
                .jsonPath("$.byApplication[0].applicationId").isEqualTo(application.toString())
                .jsonPath("$.byApplication[0].usage.calls").isEqualTo(2)
                .jsonPath("$.byApplication[0].usage.costUsd").isEqualTo(0.32)
                .jsonPath("$.averagePerJob.count").isEqualTo(2)
                .jsonPath("$.averagePerJob.averageUsd").isEqualTo(0.0255)
                .jsonPath("$.averagePerApplication.count").isEqualTo(1)
                .jsonPath("$.averagePerApplication.averageUsd").isEqualTo(0.32);

        // the other user sees their own spend, never the owner's
        http.get().uri("/api/things/llm/costs?from=2026-03-01&to=2026-03-31")
                .header(HttpHeaders.AUTHORIZATION, bearer(other)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total.calls").isEqualTo(2)
                .jsonPath("$.total.costUsd").isEqualTo(15.0)
                .jsonPath("$.byJob.length()").isEqualTo(2)
                .jsonPath("$.byApplication[0].usage.costUsd").isEqualTo(7.0);
    }

    @Test
    void costs_countDaysInTheRequestedZone() {
        insert(owner, null, null, "jd_parse", "0.010", DAY2);   // 23:30 UTC on the 4th is the 5th in Berlin

        http.get().uri("/api/things/llm/costs?from=2026-03-04&to=2026-03-05&zone=Europe/Berlin")
                .header(HttpHeaders.AUTHORIZATION, bearer(owner)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.zone").isEqualTo("Europe/Berlin")
                .jsonPath("$.byDay[0].usage.calls").isEqualTo(0)
                .jsonPath("$.byDay[1].day").isEqualTo("2026-03-05")
                .jsonPath("$.byDay[1].usage.calls").isEqualTo(1);
    }

    @Test
    void costs_withoutPeriod_areTheLast30DaysUpToToday() {
        insert(owner, null, null, "bullets", "0.040", Instant.now());

        http.get().uri("/api/things/llm/costs")
                .header(HttpHeaders.AUTHORIZATION, bearer(owner)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.to").isEqualTo(LocalDate.now(ZoneOffset.UTC).toString())
                .jsonPath("$.byDay.length()").isEqualTo(30)
                .jsonPath("$.total.costUsd").isEqualTo(0.04);
    }

    @Test
    void status_namesTheProviderAndTheCallersBudgetThisMonth() {
        insert(owner, null, null, "bullets", "1.25", Instant.now());
        insert(other, null, null, "bullets", "3.00", Instant.now());
        LocalDate monthStart = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);

        http.get().uri("/api/things/llm/status")
                .header(HttpHeaders.AUTHORIZATION, bearer(owner)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.provider").isEqualTo("offline")
                .jsonPath("$.model").isEqualTo("offline")
                .jsonPath("$.offline").isEqualTo(true)
                .jsonPath("$.budget.limit").isEqualTo(5.0)
                .jsonPath("$.budget.spent").isEqualTo(1.25)
                .jsonPath("$.budget.remaining").isEqualTo(3.75)
                .jsonPath("$.budget.period").isEqualTo("month")
                .jsonPath("$.budget.periodStart").isEqualTo(monthStart.toString())
                .jsonPath("$.budget.periodEnd").isEqualTo(monthStart.plusMonths(1).toString());
    }

    @Test
    void badPeriod_isA400NamingTheParameter() {
        http.get().uri("/api/things/llm/costs?from=2026-03-10&to=2026-03-01")
                .header(HttpHeaders.AUTHORIZATION, bearer(owner)).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].parameter").isEqualTo("from");
        http.get().uri("/api/things/llm/costs?from=2024-01-01&to=2026-03-01")
                .header(HttpHeaders.AUTHORIZATION, bearer(owner)).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].parameter").isEqualTo("from");
        http.get().uri("/api/things/llm/costs?zone=Mars/Olympus")
                .header(HttpHeaders.AUTHORIZATION, bearer(owner)).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].parameter").isEqualTo("zone");
        http.get().uri("/api/things/llm/costs?zone=%2B02:00")
                .header(HttpHeaders.AUTHORIZATION, bearer(owner)).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].parameter").isEqualTo("zone");
        http.get().uri("/api/things/llm/costs?from=yesterday")
                .header(HttpHeaders.AUTHORIZATION, bearer(owner)).exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void withoutIdentityToken_401() {
        http.get().uri("/api/things/llm/status").exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/things/llm/costs").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void openApiDocumentListsBothEndpoints_withoutTheCallerAsAParameter() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/things/llm/status'].get").exists()
                .jsonPath("$.paths['/api/things/llm/costs'].get.parameters[*].name")
                .isEqualTo(java.util.List.of("from", "to", "zone"));
    }
}
