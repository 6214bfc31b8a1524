package org.jobsearch.gateway.account;

import org.jobsearch.gateway.GatewayClient;
import org.jobsearch.gateway.GatewayIntegrationTest;
import org.jobsearch.gateway.GatewayTestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Personal API tokens: created and shown once, used by scripts instead of a password, listed, revoked. */
class ApiTokenTest extends GatewayIntegrationTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    private ApiTokenCache cache;

    @Autowired
    private ApiTokenUses uses;

    @Autowired
    private JdbcClient jdbc;

    private GatewayClient admin() {
        return script("admin", GatewayTestData.ADMIN_PASSWORD);
    }

    /** A new user's token, used once so that the gateway has it cached; returns the secret. */
    private String cachedToken(GatewayClient owner) {
        String secret = json.readTree(owner.postJson("/api/me/tokens", "{\"name\":\"cached\"}").body()).get("secret").asString();
        assertThat(GatewayClient.bearer(port, secret).get("/api/tracker/applications").statusCode()).isEqualTo(200);
        assertThat(cache.get(Secrets.sha256(secret))).as("answered from the cache from now on").isPresent();
        return secret;
    }

    @Test
    void revocationTakesEffectOnTheVeryNextRequestDespiteTheCache() {
        GatewayClient owner = script(newUser(), USER_PASSWORD);
        String secret = cachedToken(owner);
        GatewayClient script = GatewayClient.bearer(port, secret);
        String id = json.readTree(owner.get("/api/me/tokens").body()).get(0).get("id").asString();

        assertThat(owner.delete("/api/me/tokens/" + id).statusCode()).isEqualTo(204);

        assertThat(script.get("/api/tracker/applications").statusCode()).isEqualTo(401);
        assertThat(cache.get(Secrets.sha256(secret))).isEmpty();
    }

    @Test
    void disablingTheAccountStopsItsTokensOnTheVeryNextRequestDespiteTheCache() {
        String name = newUser();
        GatewayClient owner = script(name, USER_PASSWORD);
        String accountId = json.readTree(owner.get("/api/me").body()).get("id").asString();
        GatewayClient script = GatewayClient.bearer(port, cachedToken(owner));
        downstream.takeRequest();

        assertThat(admin().patchJson("/api/accounts/" + accountId, "{\"enabled\":false}").statusCode()).isEqualTo(200);
        assertThat(script.get("/api/tracker/applications").statusCode()).isEqualTo(401);
        assertThat(script.get("/api/me").statusCode()).isEqualTo(401);
        assertThat(downstream.receivedNothing()).as("nothing forwarded for the disabled account").isTrue();

        assertThat(admin().patchJson("/api/accounts/" + accountId, "{\"enabled\":true}").statusCode()).isEqualTo(200);
        assertThat(script.get("/api/tracker/applications").statusCode()).isEqualTo(200);
    }

    @Test
    void aPasswordChangeForgetsTheCachedTokensWhichKeepWorking() {
        String name = newUser();
        GatewayClient owner = script(name, USER_PASSWORD);
        String secret = cachedToken(owner);

        assertThat(owner.postJson("/api/me/password",
                "{\"currentPassword\":\"" + USER_PASSWORD + "\",\"newPassword\":\"another-long-password\"}").statusCode()).isEqualTo(204);

        assertThat(cache.get(Secrets.sha256(secret))).isEmpty();
        assertThat(GatewayClient.bearer(port, secret).get("/api/me").statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenRequestNeitherCreatesASessionNorSetsACookie() {
        String secret = cachedToken(script(newUser(), USER_PASSWORD));
        GatewayClient script = GatewayClient.bearer(port, secret);

        for (String path : new String[]{"/api/tracker/applications", "/api/me"}) {
            HttpResponse<String> response = script.get(path);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().allValues("Set-Cookie")).as(path).isEmpty();
        }
    }

    @Test
    void anExpiredTokenIsRefused() {
        GatewayClient owner = script(newUser(), USER_PASSWORD);
        JsonNode created = json.readTree(owner.postJson("/api/me/tokens", "{\"name\":\"short\",\"expiresInDays\":1}").body());
        jdbc.sql("update api_token set expires_at = now() - interval '1 second' where id = :id")
                .param("id", UUID.fromString(created.at("/token/id").asString()))
                .update();

        assertThat(GatewayClient.bearer(port, created.get("secret").asString()).get("/api/me").statusCode()).isEqualTo(401);
    }

    @Test
    void lastUseIsShownAtOnceAndWrittenLater() {
        GatewayClient owner = script(newUser(), USER_PASSWORD);
        JsonNode created = json.readTree(owner.postJson("/api/me/tokens", "{\"name\":\"poller\"}").body());
        UUID id = UUID.fromString(created.at("/token/id").asString());
        assertThat(json.readTree(owner.get("/api/me/tokens").body()).get(0).get("lastUsedAt").isNull()).isTrue();

        GatewayClient script = GatewayClient.bearer(port, created.get("secret").asString());
        for (int i = 0; i < 3; i++) {
            assertThat(script.get("/api/me").statusCode()).isEqualTo(200);
        }

        assertThat(json.readTree(owner.get("/api/me/tokens").body()).get(0).get("lastUsedAt").isNull()).isFalse();
        uses.flush(true);
        assertThat(jdbc.sql("select last_used_at from api_token where id = :id").param("id", id).query(java.sql.Timestamp.class).single())
                .isNotNull();
    }

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
