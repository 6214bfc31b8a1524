package org.jobsearch.gateway.ui;

import org.jobsearch.gateway.GatewayClient;
import org.jobsearch.gateway.GatewayIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The web-ui jar as the gateway serves it. */
class WebUiTest extends GatewayIntegrationTest {

    private GatewayClient browser;

    @BeforeEach
    void signIn() {
        browser = browser();
        browser.signIn(newUser(), USER_PASSWORD);
    }

    @Test
    void rootServesTheShell() {
        HttpResponse<String> response = browser.get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(response.body()).contains("<script type=\"module\" src=\"/assets/app.js\"></script>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/applied-jobs", "/jobs", "/applications/3f1c", "/applications/3f1c/interview-prep", "/metrics",
            "/company/Acme%20Corp", "/interviews/upcoming", "/resume", "/resume/3f1c", "/experience", "/costs", "/settings",
            "/settings/companies", "/settings/users"})
    void deepLinksServeTheShell(String path) {
        HttpResponse<String> response = browser.get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("/assets/app.js");
    }

    @Test
    void unknownPagesAreNotFound() {
        assertThat(browser.get("/no-such-page").statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/assets/app.js", "/assets/login.js", "/assets/pages/applied-jobs.js"})
    void scriptsAreServedAsJavaScriptModules(String path) {
        HttpResponse<String> response = anonymous().get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
    }

    @Test
    void webjarIsServedWithoutItsVersionInTheUrl() {
        HttpResponse<String> response = anonymous().get("/webjars/picocss__pico/css/pico.min.css");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
    }

    @Test
    void shellItselfNeedsASession() {
        HttpResponse<String> response = anonymous().get("/index.html", "Accept", "text/html");

        assertThat(response.statusCode()).isEqualTo(302);
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicyAndTheUsualHeaders() {
        var response = anonymous().get("/login");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval"));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    }
}
