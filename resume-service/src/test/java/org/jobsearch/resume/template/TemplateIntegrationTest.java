package org.jobsearch.resume.template;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Templates as data: the read-only built-ins, a user's own validated at upload, chosen by role with its configs. */
@ResumeIntegrationTest
class TemplateIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration PATIENCE = Duration.ofSeconds(60);

    /** Well-formed XHTML, CSS 2.1 only, the four slots, nothing external. */
    static final String HTML = """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml">
            <head>
            <title>Mine</title>
            <style>
              * { font-family: 'Carlito'; }
              .name { font-weight: bold; text-transform: uppercase; }
              .section { font-weight: bold; border-bottom: 2px solid #333; margin-top: 6pt; }
            </style>
            </head>
            <body>
            <h1 class="name" data-slot="name"></h1>
            <p data-slot="contact"></p>
            <div class="section">Selected Experience</div>
            <div data-slot="experience"></div>
            <div class="section">Toolbox</div>
            <div data-slot="skills"></div>
            </body>
            </html>
            """;

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
    void builtIns_areListedForEveryone_andReadOnly() {
        CurrentUser user = TestUsers.user("uma");

        JsonNode list = exchange(user, HttpMethod.GET, "/api/resumes/templates", null, 200);

        assertThat(list.valueStream().map(t -> t.path("key").asString())).containsExactly("analyst", "engineer");
        JsonNode engineer = list.get(1);
        assertThat(engineer.path("custom").asBoolean()).isFalse();
        assertThat(engineer.path("styleVariant").asString()).isEqualTo("standard");
        assertThat(engineer.path("targetRoles").valueStream().map(JsonNode::asString))
                .contains("software_engineer", "data_engineer");
        assertThat(list.get(0).path("targetRoles").valueStream().map(JsonNode::asString))
                .contains("data_analyst", "business_intelligence_engineer");
        String id = engineer.path("id").asString();
        assertThat(exchange(user, HttpMethod.GET, "/api/resumes/templates/" + id, null, 200).path("html").asString())
                .contains("data-slot=\"experience\"");
        exchange(user, HttpMethod.PUT, "/api/resumes/templates/" + id, body("Mine", HTML, ""), 403);
        exchange(user, HttpMethod.DELETE, "/api/resumes/templates/" + id, null, 403);
    }

    @Test
    void userTemplate_isChosenForItsRole_withItsRoleOrderTitlesAndBulletCaps() throws IOException {
        CurrentUser owner = TestUsers.user("vera");
        exchange(owner, HttpMethod.PUT, "/api/resumes/experience",
                read("src/test/resources/experience/experience-base.json"), 200);
        ObjectNode template = (ObjectNode) JSON.readTree(body("Platform one-pager", HTML, ".section { color: #222; }"));
        template.set("roleConfigs", JSON.valueToTree(List.of(
                Map.of("roleKey", "wwi_devops", "order", 0, "titleOverride", "Platform Engineer", "maxBullets", 2),
                Map.of("roleKey", "adventure_sre", "order", 1, "maxBullets", 3),
                Map.of("roleKey", "no_such_role", "order", 2, "maxBullets", 3))));

        EntityExchangeResult<String> created = http.post().uri("/api/resumes/templates")
                .header(HttpHeaders.AUTHORIZATION, users.bearer(owner)).contentType(MediaType.APPLICATION_JSON)
                .body(JSON.writeValueAsString(template)).exchange().expectStatus().isCreated()
                .returnResult(String.class);
        JsonNode stored = JSON.readTree(created.getResponseBody());
        String id = stored.path("id").asString();
        assertThat(created.getResponseHeaders().getLocation()).hasToString("/api/resumes/templates/" + id);
        assertThat(stored.path("custom").asBoolean()).isTrue();
        assertThat(stored.path("roleConfigs")).hasSize(3);
        exchange(TestUsers.user("walt"), HttpMethod.GET, "/api/resumes/templates/" + id, null, 404);
        assertThat(exchange(owner, HttpMethod.GET, "/api/resumes/templates", null, 200).valueStream()
                .map(t -> t.path("name").asString())).containsExactly("Analyst", "Engineer", "Platform one-pager");

        String resumeId = exchange(owner, HttpMethod.POST, "/api/resumes", JSON.writeValueAsString(Map.of(
                "jdText", read("src/test/resources/jds/01-platform-engineer.txt"), "source", "linkedin")), 202)
                .path("id").asString();
        JsonNode done = await().atMost(PATIENCE).until(
                () -> exchange(owner, HttpMethod.GET, "/api/resumes/" + resumeId, null, 200),
                view -> view.path("status").asString().matches("done|failed"));

        assertThat(done.path("status").asString()).isEqualTo("done");
        assertThat(done.path("template").asString()).isEqualTo(id);
        JsonNode roles = done.path("content").path("roles");
        assertThat(roles.valueStream().map(r -> r.path("roleKey").asString()))
                .containsExactly("wwi_devops", "adventure_sre");
        assertThat(roles.get(0).path("title").asString()).isEqualTo("Platform Engineer");
        assertThat(roles.get(0).path("bullets").size()).isBetween(1, 2);
        assertThat(roles.get(1).path("bullets").size()).isBetween(1, 3);
        byte[] pdf = http.get().uri(done.path("pdfPath").asString())
                .header(HttpHeaders.AUTHORIZATION, users.bearer(owner)).exchange().expectStatus().isOk()
                .returnResult(byte[].class).getResponseBody();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Selected Experience", "Toolbox", "Platform Engineer",
                    roles.get(0).path("bullets").get(0).path("text").asString());
        }

        // the owner changes and deletes it; the rendered resume keeps its PDF
        JsonNode updated = exchange(owner, HttpMethod.PUT, "/api/resumes/templates/" + id,
                body("Renamed", HTML, ""), 200);
        assertThat(updated.path("name").asString()).isEqualTo("Renamed");
        assertThat(updated.path("roleConfigs")).isEmpty();
        exchange(owner, HttpMethod.DELETE, "/api/resumes/templates/" + id, null, 204);
        exchange(owner, HttpMethod.GET, "/api/resumes/templates/" + id, null, 404);
        http.get().uri(done.path("pdfPath").asString()).header(HttpHeaders.AUTHORIZATION, users.bearer(owner))
                .exchange().expectStatus().isOk();
        assertThat(exchange(owner, HttpMethod.POST, "/api/resumes/" + resumeId + "/versions", null, 422)
                .path("reason").asString()).isEqualTo("NO_TEMPLATE");
    }

    @Test
    void badTemplates_are400sNamingTheProblem_andNothingIsStored() {
        CurrentUser owner = TestUsers.user("xena");

        assertProblem(owner, body("T", HTML.replace("</p>", ""), ""), "/html", "not well-formed XHTML");
        assertProblem(owner, body("T", HTML.replace("<title>Mine</title>",
                "<title>Mine</title><script>alert(1)</script>"), ""), "/html", "<script>");
        assertProblem(owner, body("T", HTML.replace("<body>", "<body onload=\"go()\">"), ""), "/html",
                "event handler");
        assertProblem(owner, body("T", HTML.replace("<title>Mine</title>",
                "<title>Mine</title><link rel=\"stylesheet\" href=\"https://cdn.example.com/x.css\"/>"), ""),
                "/html", "external");
        assertProblem(owner, body("T", HTML.replace(" data-slot=\"skills\"", ""), ""), "/html",
                "data-slot=\"skills\"");
        assertProblem(owner, body("T", HTML, ".name { display: flex; }"), "/css", "display: flex");
        assertProblem(owner, body("T", HTML, ".name { transform: rotate(2deg); }"), "/css", "'transform'");
        assertProblem(owner, body("T", HTML, "body { background-image: url(http://tracker.example.com/p.gif); }"),
                "/css", "url(");
        assertProblem(owner, body("T", HTML, "@import 'theme.css';"), "/css", "@import");
        assertProblem(owner, body("T", HTML.replace("text-transform: uppercase;", "gap: 4px;"), ""), "/html",
                "'gap'");

        assertThat(pointers(exchange(owner, HttpMethod.POST, "/api/resumes/templates",
                body("T\u0000", HTML, ""), 400))).containsExactly("/name");
        ObjectNode noName = (ObjectNode) JSON.readTree(body("T", HTML, ""));
        noName.remove("name");
        noName.put("styleVariant", "tiny");
        noName.put("targetRole", "astronaut");
        assertThat(pointers(exchange(owner, HttpMethod.POST, "/api/resumes/templates",
                JSON.writeValueAsString(noName), 400))).containsExactly("/name", "/styleVariant", "/targetRole");
        ObjectNode twice = (ObjectNode) JSON.readTree(body("T", HTML, ""));
        twice.set("roleConfigs", JSON.valueToTree(List.of(
                Map.of("roleKey", "a", "order", 0, "maxBullets", 2),
                Map.of("roleKey", "a", "order", 1, "maxBullets", 2),
                Map.of("roleKey", "b", "order", 1, "maxBullets", 20))));
        assertThat(pointers(exchange(owner, HttpMethod.POST, "/api/resumes/templates",
                JSON.writeValueAsString(twice), 400))).containsExactly("/roleConfigs/2/maxBullets");
        twice.set("roleConfigs", JSON.valueToTree(List.of(
                Map.of("roleKey", "a", "order", 0, "maxBullets", 2),
                Map.of("roleKey", "a", "order", 1, "maxBullets", 2),
                Map.of("roleKey", "b", "order", 1, "maxBullets", 2))));
        assertThat(pointers(exchange(owner, HttpMethod.POST, "/api/resumes/templates",
                JSON.writeValueAsString(twice), 400))).containsExactly("/roleConfigs/1/roleKey",
                "/roleConfigs/2/order");

        assertThat(exchange(owner, HttpMethod.GET, "/api/resumes/templates", null, 200).size()).isEqualTo(2);
    }

    private void assertProblem(CurrentUser owner, String body, String pointer, String detail) {
        JsonNode problem = exchange(owner, HttpMethod.POST, "/api/resumes/templates", body, 400);
        assertThat(pointers(problem)).as(problem.toString()).contains(pointer);
        assertThat(problem.path("errors").valueStream().filter(e -> e.path("pointer").asString().equals(pointer))
                .map(e -> e.path("detail").asString())).as(problem.toString()).anyMatch(d -> d.contains(detail));
    }

    private static String body(String name, String html, String css) {
        return JSON.writeValueAsString(Map.of("name", name, "targetRole", "software_engineer",
                "description", "mine", "html", html, "css", css, "styleVariant", "standard"));
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

    private static List<String> pointers(JsonNode problem) {
        return problem.path("errors").valueStream().map(e -> e.path("pointer").asString()).toList();
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
