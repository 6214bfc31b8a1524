package org.jobsearch.resume.experience;

import org.jobsearch.identity.CurrentUser;
import org.jobsearch.identity.IdentityProperties;
import org.jobsearch.resume.ResumeIntegrationTest;
import org.jobsearch.resume.TestUsers;
import org.jobsearch.testkit.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Experience base and contact profile over REST: import, export, pointer errors, size limit, owner isolation. */
@ResumeIntegrationTest
class ExperienceIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String BASE = read("src/test/resources/experience/experience-base.json");
    static final String JSON_RESUME = read("src/test/resources/experience/experience-jsonresume.json");

    @LocalServerPort
    int port;
    @Autowired
    IdentityProperties identity;

    RestTestClient http;
    TestUsers users;

    @BeforeEach
    void setUp() {
        http = TestHttp.client(port);
        users = new TestUsers(identity);
    }

    @Test
    void benchmarkBase_importsViaPut_andExportsTheSameFacts_toItsOwnerOnly() {
        CurrentUser owner = TestUsers.user("uma");

        JsonNode saved = exchange(owner, HttpMethod.PUT, "/api/resumes/experience", BASE, 200);
        JsonNode exported = exchange(owner, HttpMethod.GET, "/api/resumes/experience", null, 200);

        assertThat(exported).isEqualTo(saved);
        assertThat(exported.path("roles")).hasSize(4);
        JsonNode first = exported.path("roles").get(0);
        assertThat(first.path("key").asString()).isEqualTo("adventure_sre");
        assertThat(first.path("endDate").isNull() || first.path("endDate").isMissingNode()).isTrue();
        assertThat(first.path("current").asBoolean()).isTrue();
        assertThat(first.path("projects")).hasSize(4);
        assertThat(first.path("projects").get(0).path("key").asString()).isEqualTo("adventure_sre.eks_migration");
        assertThat(first.path("projects").get(0).path("tools").toString())
                .isEqualTo("[\"Kubernetes\",\"EKS\",\"Kustomize\",\"Helm\",\"AWS\"]");
        JsonNode input = JSON.readTree(BASE);
        for (int r = 0; r < 4; r++) {
            for (String field : List.of("key", "company", "title", "location", "startDate")) {
                assertThat(exported.path("roles").get(r).path(field)).isEqualTo(input.path("roles").get(r).path(field));
            }
            for (int p = 0; p < 4; p++) {
                JsonNode in = input.path("roles").get(r).path("projects").get(p);
                JsonNode out = exported.path("roles").get(r).path("projects").get(p);
                for (String field : List.of("shortName", "problemContext", "actions", "tools", "outcomes")) {
                    assertThat(out.path(field)).isEqualTo(in.path(field));
                }
            }
        }
        assertThat(exchange(owner, HttpMethod.GET, "/api/resumes/profile", null, 200).path("name").asString())
                .isEqualTo("Sam Rivera");

        CurrentUser other = TestUsers.user("victor");
        assertThat(exchange(other, HttpMethod.GET, "/api/resumes/experience", null, 200).path("roles")).isEmpty();
        exchange(other, HttpMethod.GET, "/api/resumes/profile", null, 404);

        // the export is accepted back as it is
        exchange(owner, HttpMethod.PUT, "/api/resumes/experience", exported.toString(), 200);
        assertThat(exchange(owner, HttpMethod.GET, "/api/resumes/experience", null, 200)).isEqualTo(exported);
    }

    @Test
    void invalidBase_isRefusedWithPointers_andLeavesTheOldBase() {
        CurrentUser owner = TestUsers.user("wanda");
        exchange(owner, HttpMethod.PUT, "/api/resumes/experience", BASE, 200);

        ObjectNode blank = (ObjectNode) JSON.readTree(BASE);
        ((ObjectNode) blank.path("roles").get(2)).put("company", " ");
        ((ObjectNode) blank.path("roles").get(0).path("projects").get(1)).putNull("tools");
        JsonNode problem = exchange(owner, HttpMethod.PUT, "/api/resumes/experience", blank.toString(), 400);
        assertThat(pointers(problem)).containsExactly("/roles/0/projects/1/tools", "/roles/2/company");

        ObjectNode inconsistent = (ObjectNode) JSON.readTree(BASE);
        ((ObjectNode) inconsistent.path("roles").get(1)).put("key", "adventure_sre");
        ((ObjectNode) inconsistent.path("roles").get(2)).put("endDate", "2010-01-01");
        ((ObjectNode) inconsistent.path("roles").get(3).path("projects").get(1))
                .put("shortName", inconsistent.path("roles").get(3).path("projects").get(0).path("shortName")
                        .asString().toUpperCase());
        problem = exchange(owner, HttpMethod.PUT, "/api/resumes/experience", inconsistent.toString(), 400);
        assertThat(pointers(problem)).containsExactly("/roles/1/key", "/roles/2/endDate",
                "/roles/3/projects/1/shortName");

        ObjectNode badKey = (ObjectNode) JSON.readTree(BASE);
        ((ObjectNode) badKey.path("roles").get(0)).put("key", "Adventure SRE");
        assertThat(pointers(exchange(owner, HttpMethod.PUT, "/api/resumes/experience", badKey.toString(), 400)))
                .containsExactly("/roles/0/key");
        ObjectNode badDate = (ObjectNode) JSON.readTree(BASE);
        ((ObjectNode) badDate.path("roles").get(1)).put("startDate", "May 2019");
        assertThat(pointers(exchange(owner, HttpMethod.PUT, "/api/resumes/experience", badDate.toString(), 400)))
                .containsExactly("/roles/1/startDate");

        assertThat(exchange(owner, HttpMethod.GET, "/api/resumes/experience", null, 200).path("roles")).hasSize(4);
    }

    @Test
    void documentOverTheLimit_isRefusedWith413() {
        CurrentUser owner = TestUsers.user("xena");
        ObjectNode huge = (ObjectNode) JSON.readTree(BASE);
        huge.put("padding", "x".repeat(1_100_000));

        JsonNode problem = exchange(owner, HttpMethod.PUT, "/api/resumes/experience", huge.toString(), 413);

        assertThat(problem.path("title").asString()).isEqualTo("Document too large");
    }

    @Test
    void jsonResume_importsAndReplacesTheBase() {
        CurrentUser owner = TestUsers.user("yara");
        exchange(owner, HttpMethod.PUT, "/api/resumes/experience", BASE, 200);

        JsonNode base = exchange(owner, HttpMethod.POST, "/api/resumes/experience/import/json-resume", JSON_RESUME, 200);

        assertThat(base.path("roles")).hasSize(3);
        assertThat(base.path("roles").get(1).path("company").asString()).isEqualTo("Wide World Importers");
        assertThat(base.path("roles").get(1).path("projects")).hasSize(3);
        assertThat(base.path("contact").path("location").asString()).isEqualTo("Denver, CO");
        assertThat(exchange(owner, HttpMethod.GET, "/api/resumes/experience", null, 200)).isEqualTo(base);

        ObjectNode noPosition = (ObjectNode) JSON.readTree(JSON_RESUME);
        ((ObjectNode) noPosition.path("work").get(2)).remove("position");
        assertThat(pointers(exchange(owner, HttpMethod.POST, "/api/resumes/experience/import/json-resume",
                noPosition.toString(), 400))).containsExactly("/work/2/position");
    }

    @Test
    void profile_isReplacedAndValidated() {
        CurrentUser owner = TestUsers.user("zoe");

        JsonNode saved = exchange(owner, HttpMethod.PUT, "/api/resumes/profile", """
                {"name": "Zoe Example", "email": "zoe@example.com", "links": ["https://zoe.example"]}""", 200);
        assertThat(saved.path("links").get(0).asString()).isEqualTo("https://zoe.example");
        JsonNode problem = exchange(owner, HttpMethod.PUT, "/api/resumes/profile", """
                {"name": "", "email": "not-an-email", "links": ["javascript:alert(1)"]}""", 400);
        assertThat(pointers(problem)).containsExactly("/email", "/links/0", "/name");
    }

    private JsonNode exchange(CurrentUser user, HttpMethod method, String path, String body, int status) {
        var request = http.method(method).uri(path).header(HttpHeaders.AUTHORIZATION, users.bearer(user));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        String response = request.exchange().expectStatus().isEqualTo(status).returnResult(String.class)
                .getResponseBody();
        return response == null ? JSON.missingNode() : JSON.readTree(response);
    }

    static List<String> pointers(JsonNode problem) {
        return problem.path("errors").valueStream().map(e -> e.path("pointer").asString()).toList();
    }

    static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
