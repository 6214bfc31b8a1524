package org.jobsearch.gateway.account;

import org.jobsearch.gateway.GatewayClient;
import org.jobsearch.gateway.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Personal API tokens: created and shown once, used by scripts instead of a password, listed, revoked. */
class ApiTokenTest extends GatewayIntegrationTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aTokenStandsInForThePasswordUntilRevoked() {
        GatewayClient owner = script(newUser(), USER_PASSWORD);
        HttpResponse<String> created = owner.postJson("/api/me/tokens", "{\"name\":\"nightly export\",\"expiresInDays\":30}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = json.readTree(created.body());
        String secret = body.get("secret").asString();
        String id = body.at("/token/id").asString();
        assertThat(secret).startsWith("jst_");

        GatewayClient script = GatewayClient.bearer(port, secret);
        assertThat(script.get("/api/me").statusCode()).isEqualTo(200);
        // forwarded with the gateway's identity token, never the personal token itself
        assertThat(script.postJson("/api/tracker/applications", "{\"company\":\"Acme\"}").statusCode()).isEqualTo(201);
        String forwarded = downstream.takeRequest().header("Authorization");
        assertThat(forwarded).startsWith("Bearer ").doesNotContain("jst_");

        String listed = owner.get("/api/me/tokens").body();
        assertThat(listed).contains("nightly export").contains(secret.substring(0, 12)).doesNotContain(secret);

        assertThat(owner.delete("/api/me/tokens/" + id).statusCode()).isEqualTo(204);
        assertThat(script.get("/api/me").statusCode()).isEqualTo(401);
    }

    @Test
    void unknownTokensAndOtherPeoplesTokensAreRefused() {
        assertThat(GatewayClient.bearer(port, "jst_not-a-real-token").get("/api/me").statusCode()).isEqualTo(401);

        GatewayClient owner = script(newUser(), USER_PASSWORD);
        String id = json.readTree(owner.postJson("/api/me/tokens", "{\"name\":\"ci\"}").body()).at("/token/id").asString();
        GatewayClient stranger = script(newUser(), USER_PASSWORD);
        assertThat(stranger.delete("/api/me/tokens/" + id).statusCode()).isEqualTo(404);
        assertThat(stranger.get("/api/me/tokens").body()).doesNotContain(id);
        assertThat(owner.delete("/api/me/tokens/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    void badTokenRequestsNameTheField() {
        GatewayClient owner = script(newUser(), USER_PASSWORD);
        HttpResponse<String> noName = owner.postJson("/api/me/tokens", "{\"name\":\"  \"}");
        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(json.readTree(noName.body()).at("/errors/0/pointer").asString()).isEqualTo("/name");
        // a NUL (which PostgreSQL cannot store) is refused as bad input, not a server error
        HttpResponse<String> nul = owner.postJson("/api/me/tokens", "{\"name\":\"a\\u0000b\"}");
        assertThat(nul.statusCode()).isEqualTo(400);
        assertThat(json.readTree(nul.body()).at("/errors/0/pointer").asString()).isEqualTo("/name");
        assertThat(owner.get("/api/me/tokens").body()).isEqualTo("[]");
        HttpResponse<String> forever = owner.postJson("/api/me/tokens", "{\"name\":\"x\",\"expiresInDays\":100000}");
        assertThat(json.readTree(forever.body()).at("/errors/0/pointer").asString()).isEqualTo("/expiresInDays");
    }
}
