package org.jobsearch.resume.generation;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jobsearch.events.EventHeaders;
import org.jobsearch.identity.CurrentUser;
import org.jobsearch.identity.IdentityProperties;
import org.jobsearch.resume.ResumeIntegrationTest;
import org.jobsearch.resume.TestUsers;
import org.jobsearch.testkit.SharedInfrastructure;
import org.jobsearch.testkit.TestHttp;
import org.jobsearch.testkit.TopicReader;
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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** JD → experience → resume: stored version, {@code ResumeRendered} on {@code resume.events}, PDF for its owner. */
@ResumeIntegrationTest
class ResumeGenerationIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration PATIENCE = Duration.ofSeconds(30);

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
    void parsedJob_andImportedExperience_giveAOnePageResume_publishedAsResumeRendered() throws IOException {
        CurrentUser owner = TestUsers.user("gina");
        String jobId = exchange(owner, HttpMethod.POST, "/api/resumes/jobs", JSON.writeValueAsString(Map.of(
                "jdText", read("src/test/resources/jds/01-platform-engineer.txt"), "source", "company_site")), 201)
                .path("id").asString();
        JsonNode base = exchange(owner, HttpMethod.PUT, "/api/resumes/experience",
                read("src/test/resources/experience/experience-base.json"), 200);

        JsonNode resume = exchange(owner, HttpMethod.POST, "/api/resumes/jobs/" + jobId + "/resumes", null, 201);

        String resumeId = resume.path("id").asString();
        assertThat(resume.path("jobId").asString()).isEqualTo(jobId);
        assertThat(resume.path("version").asInt()).isEqualTo(1);
        assertThat(resume.path("template").asString()).isEqualTo("engineer");
        assertThat(resume.path("writer").asString()).isEqualTo("offline");
        String pdfPath = "/api/resumes/" + resumeId + "/versions/1/pdf";
        assertThat(resume.path("pdfPath").asString()).isEqualTo(pdfPath);
        String day = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE);
        assertThat(resume.path("fileName").asString())
                .isEqualTo(day + "_Litware_Platform_Engineer_II_Developer_Infrastructure.pdf");
        JsonNode content = resume.path("content");
        assertThat(content.path("roles").valueStream().map(r -> r.path("roleKey").asString()))
                .containsExactly("adventure_sre", "wwi_devops", "northwind_sysadmin", "contoso_intern");
        assertThat(content.path("roles").get(0).path("bullets").get(0).path("text").asString())
                .isEqualTo(FIRST_BULLET);
        assertThat(content.path("roles").get(0).path("bullets").get(0).path("projectKey").asString())
                .isEqualTo(FIRST_PROJECT);
        assertThat(content.path("skills").size()).isBetween(1, 4);
        JsonNode coverage = resume.path("coverage");
        assertThat(coverage.path("requirements")).hasSize(13);
        assertThat(coverage.path("keywordsCovered").valueStream().map(JsonNode::asString))
                .contains("Kubernetes", "Terraform", "Prometheus");

        // the event carries exactly the stored content
        JsonNode event = JSON.readTree(resumeRendered(resumeId).value());
        assertThat(event.path("resumeId").asString()).isEqualTo(resumeId);
        assertThat(event.path("version").asInt()).isEqualTo(1);
        assertThat(event.path("jobId").asString()).isEqualTo(jobId);
        assertThat(event.path("ownerId").asString()).isEqualTo(owner.id().toString());
        assertThat(event.path("pdfPath").asString()).isEqualTo(pdfPath);
        JsonNode published = event.path("content");
        assertThat(published.path("roles")).hasSize(content.path("roles").size());
        List<String> citedKeys = new ArrayList<>();
        for (int r = 0; r < content.path("roles").size(); r++) {
            JsonNode stored = content.path("roles").get(r);
            JsonNode sent = published.path("roles").get(r);
            for (String field : List.of("roleKey", "company", "title", "start", "location")) {
                assertThat(sent.path(field)).as("role %s %s", r, field).isEqualTo(stored.path(field));
            }
            assertThat(sent.path("bullets").valueStream().map(b -> b.path("text").asString() + " | "
                    + b.path("projectKey").asString()))
                    .containsExactlyElementsOf(stored.path("bullets").valueStream().map(b -> b.path("text").asString()
                            + " | " + b.path("projectKey").asString()).toList());
            stored.path("bullets").forEach(b -> {
                if (!citedKeys.contains(b.path("projectKey").asString())) {
                    citedKeys.add(b.path("projectKey").asString());
                }
            });
        }
        assertThat(published.path("roles").get(0).has("end")).isFalse();
        assertThat(published.path("roles").get(1).path("end").asString()).isEqualTo("2021-12-31");
        assertThat(published.path("projects").valueStream().map(p -> p.path("key").asString())).containsExactlyElementsOf(citedKeys);
        JsonNode eks = published.path("projects").valueStream()
                .filter(p -> p.path("key").asString().equals("adventure_sre.eks_migration")).findFirst().orElseThrow();
        JsonNode eksSource = base.path("roles").get(0).path("projects").get(0);
        assertThat(eks.path("name")).isEqualTo(eksSource.path("shortName"));
        for (String field : List.of("problemContext", "actions", "tools", "outcomes")) {
            assertThat(eks.path(field)).isEqualTo(eksSource.path(field));
        }
        assertThat(published.path("skills").valueStream().map(l -> l.path("category").asString() + ": "
                + l.path("skills"))).containsExactlyElementsOf(content.path("skills").valueStream()
                .map(l -> l.path("category").asString() + ": " + l.path("skills")).toList());

        // the PDF: one page, the bullets in order, for its owner only
        EntityExchangeResult<byte[]> pdf = http.get().uri(pdfPath).header(HttpHeaders.AUTHORIZATION, users.bearer(owner))
                .exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF)
                .returnResult(byte[].class);
        assertThat(pdf.getResponseHeaders().getContentDisposition().getFilename())
                .isEqualTo(resume.path("fileName").asString());
        try (PDDocument document = Loader.loadPDF(pdf.getResponseBody())) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Sam Rivera");
            int at = 0;
            for (JsonNode role : content.path("roles")) {
                for (JsonNode bullet : role.path("bullets")) {
                    int found = text.indexOf(bullet.path("text").asString(), at);
                    assertThat(found).as(bullet.path("text").asString()).isGreaterThanOrEqualTo(at);
                    at = found;
                }
            }
        }

        CurrentUser other = TestUsers.user("hugo");
        exchange(other, HttpMethod.GET, pdfPath, null, 404);
        exchange(other, HttpMethod.GET, "/api/resumes/" + resumeId, null, 404);
        exchange(other, HttpMethod.POST, "/api/resumes/jobs/" + jobId + "/resumes", null, 404);

        // a second generation is version 2; version 1 stays downloadable
        JsonNode again = exchange(owner, HttpMethod.POST, "/api/resumes/jobs/" + jobId + "/resumes",
                "{\"template\": \"analyst\"}", 201);
        assertThat(again.path("id").asString()).isEqualTo(resumeId);
        assertThat(again.path("version").asInt()).isEqualTo(2);
        assertThat(again.path("template").asString()).isEqualTo("analyst");
        assertThat(again.path("versions")).hasSize(2);
        http.get().uri(pdfPath).header(HttpHeaders.AUTHORIZATION, users.bearer(owner)).exchange()
                .expectStatus().isOk();
    }

    @Test
    void withoutProfileOrExperience_theResumeCannotBeGenerated() {
        CurrentUser owner = TestUsers.user("ivan");
        String jobId = exchange(owner, HttpMethod.POST, "/api/resumes/jobs", JSON.writeValueAsString(Map.of(
                "jdText", read("src/test/resources/jds/01-platform-engineer.txt"), "source", "linkedin")), 201)
                .path("id").asString();

        JsonNode problem = exchange(owner, HttpMethod.POST, "/api/resumes/jobs/" + jobId + "/resumes", null, 422);
        assertThat(problem.path("missing").asString()).isEqualTo("/api/resumes/profile");
        exchange(owner, HttpMethod.PUT, "/api/resumes/profile", "{\"name\": \"Ivan\"}", 200);
        problem = exchange(owner, HttpMethod.POST, "/api/resumes/jobs/" + jobId + "/resumes", null, 422);
        assertThat(problem.path("missing").asString()).isEqualTo("/api/resumes/experience");
        assertThat(pointers(exchange(owner, HttpMethod.POST, "/api/resumes/jobs/" + jobId + "/resumes",
                "{\"template\": \"poster\"}", 400))).containsExactly("/template");
    }

    /** The JD's most relevant requirement is Kubernetes/EKS/Helm/Kustomize: the EKS migration leads. */
    static final String FIRST_BULLET =
            "Migrated services to EKS in waves with blue-green cutovers, deploy time dropped from 40 to 8 minutes";
    static final String FIRST_PROJECT = "adventure_sre.eks_migration";

    private static ConsumerRecord<String, byte[]> resumeRendered(String resumeId) {
        try (TopicReader reader = new TopicReader(SharedInfrastructure.kafka().bootstrapServers(), "resume.events")) {
            ConsumerRecord<String, byte[]> record = reader.readUntil(
                            read -> read.stream().anyMatch(r -> resumeId.equals(r.key())), PATIENCE).stream()
                    .filter(r -> resumeId.equals(r.key())).findFirst().orElseThrow();
            assertThat(TopicReader.header(record, EventHeaders.CE_TYPE)).isEqualTo("ResumeRendered.v1");
            return record;
        }
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
