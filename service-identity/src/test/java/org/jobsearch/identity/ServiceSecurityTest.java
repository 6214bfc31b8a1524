package org.jobsearch.identity;

import org.jobsearch.identity.testapp.IdentityTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** The service side of the identity token, in a tiny service with one user and one admin endpoint. */
@SpringBootTest(classes = IdentityTestApplication.class, properties = {
        "jobsearch.identity.signing-key=" + IdentityTestData.KEY,
        "management.endpoints.web.exposure.include=health,info,metrics"})
@AutoConfigureMockMvc
class ServiceSecurityTest {

    @Autowired
    MockMvcTester mvc;

    @Test
    void validTokenIsAcceptedAndBecomesTheCurrentUser() {
        CurrentUser alice = IdentityTestData.user();

        MvcTestResult result = mvc.get().uri("/api/test/me").header(HttpHeaders.AUTHORIZATION, bearer(IdentityTestData.token(alice)))
                .exchange();

        assertThat(result).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.id", id -> id.assertThat().isEqualTo(alice.id().toString()))
                .hasPathSatisfying("$.name", name -> name.assertThat().isEqualTo("alice"))
                .hasPathSatisfying("$.roles", roles -> roles.assertThat().asArray().containsExactly("USER"));
    }

    @Test
    void missingTokenIs401ProblemWithBearerChallenge() {
        MvcTestResult result = mvc.get().uri("/api/test/me").exchange();

        assertUnauthorizedProblem(result);
        assertThat(result).headers().containsHeader(HttpHeaders.WWW_AUTHENTICATE);
        assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
    }

    @Test
    void tokenSignedWithAnotherKeyIs401() {
        String forged = IdentityTestData.tokenSignedWith(IdentityTestData.OTHER_KEY, IdentityTestData.admin());

        assertUnauthorizedProblem(mvc.get().uri("/api/test/me").header(HttpHeaders.AUTHORIZATION, bearer(forged)).exchange());
    }

    @Test
    void expiredTokenIs401() {
        String expired = IdentityTestData.expiredToken(IdentityTestData.user());

        assertUnauthorizedProblem(mvc.get().uri("/api/test/me").header(HttpHeaders.AUTHORIZATION, bearer(expired)).exchange());
    }

    @Test
    void tokenForAnotherAudienceIs401() {
        String elsewhere = IdentityTestData.tokenForAudience("another-platform", IdentityTestData.user());

        assertUnauthorizedProblem(mvc.get().uri("/api/test/me").header(HttpHeaders.AUTHORIZATION, bearer(elsewhere)).exchange());
    }

    @Test
    void basicCredentialsAreNotAnIdentity() {
        assertUnauthorizedProblem(mvc.get().uri("/api/test/me").header(HttpHeaders.AUTHORIZATION, "Basic YWRtaW46YWRtaW4=").exchange());
    }

    @Test
    void userOnAnAdminPathIs403Problem() {
        MvcTestResult result = mvc.get().uri("/api/test/admin/ping")
                .header(HttpHeaders.AUTHORIZATION, bearer(IdentityTestData.token(IdentityTestData.user()))).exchange();

        assertThat(result).hasStatus(403).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().hasPathSatisfying("$.status", status -> status.assertThat().isEqualTo(403));
    }

    @Test
    void adminOnAnAdminPathIsServed() {
        MvcTestResult result = mvc.get().uri("/api/test/admin/ping")
                .header(HttpHeaders.AUTHORIZATION, bearer(IdentityTestData.token(IdentityTestData.admin()))).exchange();

        assertThat(result).hasStatusOk().hasBodyTextEqualTo("pong root");
    }

    @Test
    void healthAndProbesAreOpen() {
        assertThat(mvc.get().uri("/actuator/health").exchange()).hasStatusOk();
        assertThat(mvc.get().uri("/actuator/health/liveness").exchange()).hasStatusOk();
    }

    @Test
    void otherActuatorEndpointsNeedAnAdmin() {
        assertUnauthorizedProblem(mvc.get().uri("/actuator/metrics").exchange());
        assertThat(mvc.get().uri("/actuator/metrics")
                .header(HttpHeaders.AUTHORIZATION, bearer(IdentityTestData.token(IdentityTestData.user()))).exchange())
                .hasStatus(403);
        assertThat(mvc.get().uri("/actuator/metrics")
                .header(HttpHeaders.AUTHORIZATION, bearer(IdentityTestData.token(IdentityTestData.admin()))).exchange())
                .hasStatusOk();
    }

    @Test
    void noSessionIsCreated() {
        MvcTestResult result = mvc.get().uri("/api/test/me")
                .header(HttpHeaders.AUTHORIZATION, bearer(IdentityTestData.token(IdentityTestData.user()))).exchange();

        assertThat(result).hasStatusOk();
        assertThat(result.getRequest().getSession(false)).isNull();
        assertThat(result.getResponse().getCookies()).isEmpty();
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static void assertUnauthorizedProblem(MvcTestResult result) {
        assertThat(result).hasStatus(401).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .hasPathSatisfying("$.status", status -> status.assertThat().isEqualTo(401))
                .hasPathSatisfying("$.title", title -> title.assertThat().isEqualTo("Unauthorized"));
    }
}
