package org.jobsearch.gateway.routing;

import org.jobsearch.gateway.DownstreamStub.ReceivedRequest;
import org.jobsearch.gateway.GatewayClient;
import org.jobsearch.gateway.GatewayIntegrationTest;
import org.jobsearch.gateway.GatewayTestData;
import org.jobsearch.identity.CurrentUser;
import org.jobsearch.identity.IdentityProperties;
import org.jobsearch.identity.IdentityTokenSigner;
import org.jobsearch.identity.IdentityTokenVerifier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What a service receives through the gateway: the same path, and one identity the gateway signed. */
class IdentityRelayTest extends GatewayIntegrationTest {

    private final IdentityTokenVerifier verifier =
            new IdentityTokenVerifier(IdentityProperties.withSigningKey(GatewayTestData.SIGNING_KEY));

    @ParameterizedTest
    @ValueSource(strings = {"/api/discovery/applied-jobs", "/api/resumes/7/pdf", "/api/tracker/applications",
            "/api/prep/applications/9/notes"})
    void everyAreaIsForwardedWithItsPathUnchanged(String path) {
        HttpResponse<String> response = script("admin", GatewayTestData.ADMIN_PASSWORD)
                .get(path + "?page=1&size=5&q=senior%20engineer&status=new&status=applied");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"stub\":true");
        ReceivedRequest received = downstream.takeRequest();
        assertThat(received.path()).isEqualTo(path);
        // the gateway rebuilds the query from the parsed parameters: same parameters, values in order, maybe reordered keys
        assertThat(received.query().split("&"))
                .containsExactlyInAnyOrder("page=1", "size=5", "q=senior%20engineer", "status=new", "status=applied");
        assertThat(received.query()).contains("status=new&status=applied");
    }

    @Test
    void forwardedRequestCarriesASignedTokenNamingTheSignedInUser() {
        String username = newUser();
        GatewayClient browser = browser();
        browser.signIn(username, USER_PASSWORD);

        browser.get("/api/discovery/applied-jobs");

        ReceivedRequest received = downstream.takeRequest();
        String authorization = received.header("Authorization");
        assertThat(authorization).startsWith("Bearer ");
        CurrentUser user = verifier.verify(authorization.substring("Bearer ".length()));
        assertThat(user.name()).isEqualTo(username);
        assertThat(user.id()).isEqualTo(accounts.findByUsername(username).orElseThrow().id());
        assertThat(user.roles()).containsExactly("USER");
        // the gateway's own credentials stay at the gateway
        assertThat(received.header("Cookie")).isNull();
        assertThat(received.header("X-XSRF-TOKEN")).isNull();
    }

    @Test
    void basicCredentialsAreReplacedByTheIdentityToken() {
        String username = newUser();

        script(username, USER_PASSWORD).get("/api/tracker/applications");

        ReceivedRequest received = downstream.takeRequest();
        assertThat(received.headers().get("authorization")).hasSize(1);
        assertThat(verifier.verify(bearerToken(received)).name()).isEqualTo(username);
    }

    @Test
    void forgedAuthorizationHeaderIsNotPassedThrough() {
        String username = newUser();
        GatewayClient browser = browser();
        browser.signIn(username, USER_PASSWORD);
        // a token claiming to be an admin, signed with the real key: only the gateway decides who is forwarded
        String forged = new IdentityTokenSigner(IdentityProperties.withSigningKey(GatewayTestData.SIGNING_KEY))
                .sign(new CurrentUser(UUID.randomUUID(), "mallory", Set.of(CurrentUser.ADMIN)));

        browser.get("/api/tracker/admin/dead-letters", "Authorization", "Bearer " + forged);

        ReceivedRequest received = downstream.takeRequest();
        assertThat(received.headers().get("authorization")).hasSize(1);
        assertThat(bearerToken(received)).isNotEqualTo(forged);
        CurrentUser forwarded = verifier.verify(bearerToken(received));
        assertThat(forwarded.name()).isEqualTo(username);
        assertThat(forwarded.isAdmin()).isFalse();
    }

    @Test
    void requestBodyAndMethodAreForwarded() {
        GatewayClient browser = browser();
        browser.signIn(newUser(), USER_PASSWORD);

        HttpResponse<String> response = browser.postJson("/api/tracker/applications",
                "{\"company\":\"Acme\",\"title\":\"Engineer\",\"externalJobId\":\"R-1\",\"source\":\"referral\"}",
                "X-XSRF-TOKEN", browser.xsrfToken());

        assertThat(response.statusCode()).isEqualTo(201);
        ReceivedRequest received = downstream.takeRequest();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.header("Content-Type")).startsWith("application/json");
        assertThat(received.body()).contains("\"externalJobId\":\"R-1\"");
    }

    private static String bearerToken(ReceivedRequest received) {
        return received.header("Authorization").substring("Bearer ".length());
    }
}
