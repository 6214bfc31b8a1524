package org.jobsearch.gateway.account;

import org.jobsearch.gateway.GatewayClient;
import org.jobsearch.gateway.GatewayIntegrationTest;
import org.jobsearch.gateway.GatewayTestData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Administrators add, invite and disable people; everyone changes their own password. */
class AccountManagementTest extends GatewayIntegrationTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private GatewayClient admin() {
        return script("admin", GatewayTestData.ADMIN_PASSWORD);
    }

    @Test
    void adminAddsAUserWhoCanSignInAtOnce() {
        String name = "carol-" + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> created = admin().postJson("/api/accounts",
                "{\"username\":\"" + name + "\",\"password\":\"carols-long-password\",\"roles\":[\"USER\"]}");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("carols-long-password").doesNotContain("bcrypt");
        assertThat(read(created).get("invitePath").isNull()).isTrue();
        assertThat(script(name, "carols-long-password").get("/api/me").statusCode()).isEqualTo(200);
        assertThat(admin().get("/api/accounts?size=200").body()).contains("\"username\":\"" + name + "\"");
    }

    @Test
    void onlyAdministratorsManageAccounts() {
        GatewayClient user = script(newUser(), USER_PASSWORD);
        assertThat(user.get("/api/accounts").statusCode()).isEqualTo(403);
        assertThat(user.postJson("/api/accounts", "{\"username\":\"mallory\",\"password\":\"mallorys-password\"}").statusCode())
                .isEqualTo(403);
    }

    @Test
    void badInputNamesTheFieldAndATakenNameIsAConflict() {
        HttpResponse<String> shortPassword = admin().postJson("/api/accounts", "{\"username\":\"dave\",\"password\":\"short\"}");
        assertThat(shortPassword.statusCode()).isEqualTo(400);
        assertThat(read(shortPassword).at("/errors/0/pointer").asString()).isEqualTo("/password");

        HttpResponse<String> badName = admin().postJson("/api/accounts", "{\"username\":\"<b>x</b>\",\"password\":\"long-enough-password\"}");
        assertThat(read(badName).at("/errors/0/pointer").asString()).isEqualTo("/username");

        HttpResponse<String> badRole = admin().postJson("/api/accounts",
                "{\"username\":\"erin\",\"password\":\"long-enough-password\",\"roles\":[\"ROOT\"]}");
        assertThat(read(badRole).at("/errors/0/pointer").asString()).isEqualTo("/roles");

        String taken = newUser();
        HttpResponse<String> duplicate = admin().postJson("/api/accounts",
                "{\"username\":\"" + taken.toUpperCase() + "\",\"password\":\"long-enough-password\"}");
        assertThat(duplicate.statusCode()).isEqualTo(409);
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsRefusedNotAServerError() {
        String name = "hank-" + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> tooLong = admin().postJson("/api/accounts",
                "{\"username\":\"" + name + "\",\"password\":\"" + "p".repeat(73) + "\"}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(read(tooLong).at("/errors/0/pointer").asString()).isEqualTo("/password");
        // 72 bytes of emoji-free text are fine; 19 emoji (76 bytes) are not
        assertThat(admin().postJson("/api/accounts", "{\"username\":\"" + name + "\",\"password\":\"" + "p".repeat(72) + "\"}")
                .statusCode()).isEqualTo(201);
        HttpResponse<String> emoji = script(name, "p".repeat(72)).postJson("/api/me/password",
                "{\"currentPassword\":\"" + "p".repeat(72) + "\",\"newPassword\":\"" + "\uD83D\uDE00".repeat(19) + "\"}");
        assertThat(emoji.statusCode()).isEqualTo(400);
        assertThat(read(emoji).at("/errors/0/pointer").asString()).isEqualTo("/newPassword");
        // signing in with a password longer than any stored one is a wrong password, not an error
        assertThat(script(name, "p".repeat(300)).get("/api/me").statusCode()).isEqualTo(401);
        assertThat(script(name, "p".repeat(72)).get("/api/me").statusCode()).isEqualTo(200);
    }

    @Test
    void aValueOfTheWrongTypeOrABrokenBodyIsA400ProblemNamingTheField() {
        HttpResponse<String> wrongType = admin().patchJson("/api/accounts/" + UUID.randomUUID(), "{\"enabled\":\"perhaps\"}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(read(wrongType).at("/errors/0/pointer").asString()).isEqualTo("/enabled");

        HttpResponse<String> wrongList = admin().postJson("/api/accounts", "{\"username\":\"gina\",\"roles\":\"ADMIN\"}");
        assertThat(read(wrongList).at("/errors/0/pointer").asString()).isEqualTo("/roles");

        HttpResponse<String> broken = admin().postJson("/api/me/tokens", "{\"name\": ");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(read(broken).path("detail").asString()).isEqualTo("The request body is not valid JSON");
        assertThat(accounts.findByUsername("gina")).isEmpty();
    }

    @Test
    void invitedPersonSetsTheirPasswordOnceThroughTheLink() {
        String name = "frank-" + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> invited = admin().postJson("/api/accounts", "{\"username\":\"" + name + "\"}");
        assertThat(invited.statusCode()).isEqualTo(201);
        JsonNode body = read(invited);
        assertThat(body.at("/account/enabled").asBoolean()).isFalse();
        String token = body.get("invitePath").asString().replaceFirst("^/invite\\?token=", "");
        assertThat(script(name, "anything-at-all-long").get("/api/me").statusCode()).isEqualTo(401);

        GatewayClient browser = browser();
        assertThat(browser.get("/invite?token=" + token).statusCode()).isEqualTo(200);
        browser.get("/csrf");
        HttpResponse<String> accepted = browser.postJson("/api/invitations/accept",
                "{\"token\":\"" + token + "\",\"password\":\"franks-chosen-password\"}", "X-XSRF-TOKEN", browser.xsrfToken());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(script(name, "franks-chosen-password").get("/api/me").statusCode()).isEqualTo(200);

        HttpResponse<String> again = browser.postJson("/api/invitations/accept",
                "{\"token\":\"" + token + "\",\"password\":\"someone-elses-password\"}", "X-XSRF-TOKEN", browser.xsrfToken());
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(script(name, "someone-elses-password").get("/api/me").statusCode()).isEqualTo(401);
    }

    @Test
    void disabledUsersCannotSignInAndAdminsCannotDisableThemselves() {
        String name = newUser();
        String id = read(script(name, USER_PASSWORD).get("/api/me")).get("id").asString();

        assertThat(admin().patchJson("/api/accounts/" + id, "{\"enabled\":false}").statusCode()).isEqualTo(200);
        assertThat(script(name, USER_PASSWORD).get("/api/me").statusCode()).isEqualTo(401);
        assertThat(admin().patchJson("/api/accounts/" + id, "{\"enabled\":true}").statusCode()).isEqualTo(200);
        assertThat(script(name, USER_PASSWORD).get("/api/me").statusCode()).isEqualTo(200);

        String adminId = read(admin().get("/api/me")).get("id").asString();
        assertThat(admin().patchJson("/api/accounts/" + adminId, "{\"enabled\":false}").statusCode()).isEqualTo(409);
        assertThat(admin().patchJson("/api/accounts/" + UUID.randomUUID(), "{\"enabled\":false}").statusCode()).isEqualTo(404);
    }

    @Test
    void usersChangeTheirOwnPasswordKnowingTheCurrentOne() {
        String name = newUser();
        GatewayClient user = script(name, USER_PASSWORD);

        HttpResponse<String> wrong = user.postJson("/api/me/password",
                "{\"currentPassword\":\"not-my-password\",\"newPassword\":\"a-brand-new-password\"}");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(read(wrong).at("/errors/0/pointer").asString()).isEqualTo("/currentPassword");

        HttpResponse<String> tooShort = user.postJson("/api/me/password",
                "{\"currentPassword\":\"" + USER_PASSWORD + "\",\"newPassword\":\"short\"}");
        assertThat(read(tooShort).at("/errors/0/pointer").asString()).isEqualTo("/newPassword");

        assertThat(user.postJson("/api/me/password",
                "{\"currentPassword\":\"" + USER_PASSWORD + "\",\"newPassword\":\"a-brand-new-password\"}").statusCode()).isEqualTo(204);
        assertThat(script(name, USER_PASSWORD).get("/api/me").statusCode()).isEqualTo(401);
        assertThat(script(name, "a-brand-new-password").get("/api/me").statusCode()).isEqualTo(200);
    }

    @Test
    void repeatedWrongPasswordsLockThatNameFromThatAddress() {
        String name = newUser();
        for (int i = 0; i < 5; i++) {
            assertThat(script(name, "wrong-password-" + i).get("/api/me").statusCode()).isEqualTo(401);
        }
        // now even the right password is refused, without being checked
        assertThat(script(name, USER_PASSWORD).get("/api/me").statusCode()).isEqualTo(401);
        // other users are not affected
        assertThat(script(newUser(), USER_PASSWORD).get("/api/me").statusCode()).isEqualTo(200);
    }

    private JsonNode read(HttpResponse<String> response) {
        return json.readTree(response.body());
    }
}
