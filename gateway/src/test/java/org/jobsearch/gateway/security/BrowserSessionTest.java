package org.jobsearch.gateway.security;

import org.jobsearch.gateway.GatewayClient;
import org.jobsearch.gateway.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A browser: login page, form login with CSRF, a session, CSRF on writes, sign-out. */
class BrowserSessionTest extends GatewayIntegrationTest {

    @Test
    void pageRequestWithoutSessionIsRedirectedToTheLoginPage() {
        HttpResponse<String> response = anonymous().get("/applied-jobs", "Accept", "text/html");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
    }

    @Test
    void loginPageIsServedToAnyone() {
        HttpResponse<String> response = anonymous().get("/login");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<form id=\"login-form\" method=\"post\" action=\"/login\">");
    }

    @Test
    void loginWithoutCsrfTokenIsRefused() {
        GatewayClient browser = browser();
        browser.get("/login");

        HttpResponse<String> response = browser.postForm("/login", Map.of("username", "admin", "password", ADMIN_PASSWORD));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(browser.cookie("JSESSIONID")).isNull();
    }

    @Test
    void loginWithCsrfTokenOpensASession() {
        String username = newUser();
        GatewayClient browser = browser();

        HttpResponse<String> login = browser.signIn(username, USER_PASSWORD);

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(browser.cookie("JSESSIONID")).isNotBlank();
        HttpResponse<String> me = browser.get("/api/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"" + username + "\"").contains("\"roles\":[\"USER\"]");
    }

    @Test
    void wrongPasswordGoesBackToTheLoginPageWithAnError() {
        String username = newUser();
        GatewayClient browser = browser();

        HttpResponse<String> login = browser.signIn(username, "not-the-password");

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
    }

    @Test
    void afterLoginTheBrowserReturnsToThePageItAskedFor() {
        String username = newUser();
        GatewayClient browser = browser();
        browser.get("/applications/42", "Accept", "text/html");

        HttpResponse<String> login = browser.signIn(username, USER_PASSWORD);

        assertThat(login.headers().firstValue("Location").orElseThrow()).contains("/applications/42");
    }

    @Test
    void writeWithSessionNeedsTheCsrfHeader() {
        GatewayClient browser = signedInBrowser();

        HttpResponse<String> withoutToken = browser.postJson("/api/tracker/applications", "{\"company\":\"Acme\"}");
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(downstream.receivedNothing()).isTrue();

        HttpResponse<String> withToken = browser.postJson("/api/tracker/applications", "{\"company\":\"Acme\"}",
                "X-XSRF-TOKEN", browser.xsrfToken());
        assertThat(withToken.statusCode()).isEqualTo(201);
        assertThat(downstream.takeRequest().path()).isEqualTo("/api/tracker/applications");
    }

    @Test
    void signOutEndsTheSession() {
        GatewayClient browser = signedInBrowser();
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(200);

        HttpResponse<String> logout = browser.postForm("/logout", Map.of(), "X-XSRF-TOKEN", browser.xsrfToken(),
                "Accept", "text/html");

        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
    }

    @Test
    void adminFromTheEnvironmentCanSignIn() {
        GatewayClient browser = browser();

        browser.signIn("admin", ADMIN_PASSWORD);

        assertThat(browser.get("/api/me").body()).contains("\"username\":\"admin\"").contains("\"roles\":[\"ADMIN\",\"USER\"]");
    }

    private GatewayClient signedInBrowser() {
        GatewayClient browser = browser();
        assertThat(browser.signIn(newUser(), USER_PASSWORD).statusCode()).isEqualTo(302);
        return browser;
    }

    private static final String ADMIN_PASSWORD = org.jobsearch.gateway.GatewayTestData.ADMIN_PASSWORD;
}
