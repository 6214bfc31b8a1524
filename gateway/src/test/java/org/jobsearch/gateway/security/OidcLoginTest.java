package org.jobsearch.gateway.security;

import org.jobsearch.gateway.account.Account;
import org.jobsearch.gateway.account.AccountService;
import org.jobsearch.testkit.WithRealInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in through an OpenID Connect provider (a stub provider started here), the whole authorization-code flow over
 * real HTTP: the gateway redirects to the provider with state and nonce, the provider redirects back with a code, the
 * gateway redeems it for a signed id token and signs the person in. The first sign-in makes a USER account named by
 * the provider's {@code preferred_username}; later ones land in the same account; a disabled account is refused; a
 * provider's name equal to a local account's never takes that account over.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "JOBSEARCH_IDENTITY_SIGNING_KEY=b2lkYy10ZXN0LWtleS0zMi1ieXRlcy1sb25nLW9rISE=",
        "JOBSEARCH_ADMIN_PASSWORD=oidc-admin-password",
        "JOBSEARCH_OIDC_CLIENT_ID=jobsearch-gateway",
        "JOBSEARCH_OIDC_CLIENT_SECRET=oidc-client-secret-value",
        "JOBSEARCH_OIDC_PROVIDER_NAME=Stub ID"})
@WithRealInfrastructure
class OidcLoginTest {

    private static final OidcProviderStub provider = new OidcProviderStub("jobsearch-gateway", "oidc-client-secret-value");

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("JOBSEARCH_OIDC_ISSUER_URI", provider::issuer);
    }

    @AfterAll
    static void stopProvider() {
        provider.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theLoginPageOffersTheProvider() throws Exception {
        HttpResponse<String> options = new Browser().get(gateway("/login/options"));
        assertThat(options.statusCode()).isEqualTo(200);
        JsonNode oidc = json.readTree(options.body()).path("oidc");
        assertThat(oidc.path("name").asString()).isEqualTo("Stub ID");
        assertThat(oidc.path("url").asString()).isEqualTo("/oauth2/authorization/oidc");
    }

    @Test
    void firstSignInProvisionsAUserAccountAndLaterOnesLinkToIt() throws Exception {
        String subject = "sub-" + UUID.randomUUID();
        String username = "ada." + subject.substring(4, 12);

        Browser first = new Browser();
        assertThat(first.signInThroughProvider(subject, username)).isEqualTo(gateway("/"));
        JsonNode me = json.readTree(first.get(gateway("/api/me")).body());
        assertThat(me.path("username").asString()).isEqualTo(username);
        assertThat(me.path("roles").toString()).isEqualTo("[\"USER\"]");
        String id = me.path("id").asString();
        // the session works like a password sign-in's: forwarded calls, CSRF-protected writes from the page
        assertThat(first.get(gateway("/api/me/tokens")).statusCode()).isEqualTo(200);

        Browser second = new Browser();
        second.signInThroughProvider(subject, "renamed-at-the-provider");
        JsonNode again = json.readTree(second.get(gateway("/api/me")).body());
        assertThat(again.path("id").asString()).as("the same account, found by (issuer, subject)").isEqualTo(id);
        assertThat(again.path("username").asString()).isEqualTo(username);
        assertThat(accounts.findByUsername("renamed-at-the-provider")).isEmpty();
    }

    @Test
    void aDisabledAccountIsRefused() throws Exception {
        String subject = "sub-" + UUID.randomUUID();
        String username = "dis." + subject.substring(4, 12);
        new Browser().signInThroughProvider(subject, username);
        Account account = accounts.findByUsername(username).orElseThrow();
        Account admin = accounts.findByUsername("admin").orElseThrow();
        accounts.setEnabled(admin.id(), account.id(), false);

        Browser refused = new Browser();
        assertThat(refused.signInThroughProvider(subject, username)).isEqualTo(gateway("/login?error"));
        HttpResponse<String> me = refused.get(gateway("/api/me"));
        assertThat(me.statusCode()).isEqualTo(401);
    }

    @Test
    void aProviderNameEqualToALocalAccountsGetsAnAccountOfItsOwn() throws Exception {
        String local = "local-" + UUID.randomUUID().toString().substring(0, 8);
        Account existing = accounts.create(local, "a-long-local-password", Set.of(AccountService.USER)).orElseThrow();

        Browser browser = new Browser();
        browser.signInThroughProvider("sub-" + UUID.randomUUID(), local);
        JsonNode me = json.readTree(browser.get(gateway("/api/me")).body());
        assertThat(me.path("id").asString()).isNotEqualTo(existing.id().toString());
        assertThat(me.path("username").asString()).isEqualTo(local + "-2");
    }

    @Test
    void aCallbackWithAForgedStateSignsNobodyIn() throws Exception {
        Browser browser = new Browser();
        provider.signInAs("sub-" + UUID.randomUUID(), "forger");
        HttpResponse<String> start = browser.get(gateway("/oauth2/authorization/oidc"));
        String toProvider = start.headers().firstValue("Location").orElseThrow();
        String back = browser.get(toProvider).headers().firstValue("Location").orElseThrow();
        String forged = back.replaceAll("state=[^&]+", "state=forged");
        HttpResponse<String> callback = browser.get(forged);
        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(browser.get(gateway("/api/me")).statusCode()).isEqualTo(401);
    }

    private String gateway(String path) {
        return "http://localhost:" + port + path;
    }

    /** A browser: keeps cookies, shows redirects instead of following them. */
    private final class Browser {
        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();

        HttpResponse<String> get(String url) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** Runs the authorization-code flow as {@code subject}; returns where the gateway sends the browser at the end. */
        String signInThroughProvider(String subject, String username) throws IOException, InterruptedException {
            provider.signInAs(subject, username);
            HttpResponse<String> start = get(gateway("/oauth2/authorization/oidc"));
            assertThat(start.statusCode()).as(start.body()).isEqualTo(302);
            String toProvider = start.headers().firstValue("Location").orElseThrow();
            assertThat(toProvider).startsWith(provider.issuer() + "/authorize?").contains("state=", "nonce=", "client_id=jobsearch-gateway");

            HttpResponse<String> atProvider = get(toProvider);
            assertThat(atProvider.statusCode()).as(atProvider.body()).isEqualTo(302);
            String callback = atProvider.headers().firstValue("Location").orElseThrow();
            assertThat(callback).startsWith(gateway("/login/oauth2/code/oidc?code="));
            assertThat(URLDecoder.decode(toProvider, StandardCharsets.UTF_8)).contains("nonce=" + provider.lastNonce());

            HttpResponse<String> done = get(callback);
            assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
            return done.headers().firstValue("Location").orElseThrow();
        }
    }
}
