package org.jobsearch.gateway.security;

import org.jobsearch.gateway.GatewayIntegrationTest;
import org.jobsearch.gateway.GatewayTestData;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Scripts: HTTP Basic on every request, no session, no CSRF token; 401 Problem Details otherwise. */
class ScriptAccessTest extends GatewayIntegrationTest {

    @Test
    void basicCredentialsWorkForReads() {
        HttpResponse<String> response = script("admin", GatewayTestData.ADMIN_PASSWORD).get("/api/me");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"username\":\"admin\"");
    }

    @Test
    void basicCredentialsWorkForWritesWithoutCsrfTokenOrSession() {
        HttpResponse<String> response = script(newUser(), USER_PASSWORD)
                .postJson("/api/tracker/applications", "{\"company\":\"Acme\",\"title\":\"Engineer\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(downstream.takeRequest().body()).isEqualTo("{\"company\":\"Acme\",\"title\":\"Engineer\"}");
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
    }

    @Test
    void basicCredentialsFromAnotherSiteInABrowserStillNeedTheCsrfToken() {
        HttpResponse<String> response = script(newUser(), USER_PASSWORD)
                .postJson("/api/tracker/applications", "{}", "Sec-Fetch-Site", "cross-site");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(downstream.receivedNothing()).isTrue();
    }

    @Test
    void wrongPasswordIs401ProblemWithoutBasicChallenge() {
        HttpResponse<String> response = script(newUser(), "wrong-password").get("/api/discovery/applied-jobs");

        assertUnauthorizedProblem(response);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void apiWithoutCredentialsIs401ProblemNotARedirect() {
        HttpResponse<String> response = anonymous().get("/api/discovery/applied-jobs", "Accept", "text/html");

        assertUnauthorizedProblem(response);
        assertThat(downstream.receivedNothing()).isTrue();
    }

    @Test
    void apiWithoutCredentialsCreatesNoSession() {
        HttpResponse<String> response = anonymous().get("/api/tracker/applications");

        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
    }

    @Test
    void actuatorBeyondHealthNeedsAnAdmin() {
        assertThat(anonymous().get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(anonymous().get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(anonymous().get("/actuator/info").statusCode()).isEqualTo(200);
        assertThat(script(newUser(), USER_PASSWORD).get("/actuator/health").body()).doesNotContain("components");
        assertThat(script("admin", GatewayTestData.ADMIN_PASSWORD).get("/actuator/health").body()).contains("components");
    }

    private static void assertUnauthorizedProblem(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":401").contains("\"title\":\"Unauthorized\"");
    }
}
