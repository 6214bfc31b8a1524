package org.jobsearch.e2e;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jobsearch.testkit.LlmProviderStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Resume generation through the real LLM client, end to end: a stack whose resume-service calls the Anthropic Messages
 * API of a local stub ({@link LlmProviderStub}, in this JVM) instead of the offline provider. The stub answers the JD
 * parse and the bullet call with realistic JSON and usage; the user sees the parse, the stub's bullets (verified, no
 * repair needed), a one-page PDF that prints them, the version at the tracker (ResumeRendered), and the usage and cost
 * the stub reported on the costs API. A provider that answers 529 {@code overloaded_error} every time ends the resume
 * {@code failed} at the parse step after 1 + {@value StubProviderPlatform#MAX_RETRIES} attempts, with no job saved.
 *
 * <p>One extra stack start for this class (see {@link StubProviderPlatform}); it runs last (junit-platform.properties
 * orders classes by {@link Order}) and stops the shared stack first, so the two never run at once.
 */
@Order(Integer.MAX_VALUE)
class StubProviderResumeE2ETest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MODEL = "claude-sonnet-4-5";
    private static final Pattern COMPANY = Pattern.compile("Hiring company: ([A-Za-z0-9 ]+?)\\.");
    private static final Pattern ROLE = Pattern.compile("^Role ([a-z0-9_]+): ");
    private static final Pattern PROJECT = Pattern.compile("^\\[([^\\]]+)] ");
    private static final Pattern ALLOWANCE = Pattern.compile("([a-z0-9_]+): (\\d+)");
    private static final String BULLET_LEAD = "Working with partner teams, ";
    /** What the stub reports per call: Sonnet 4.5 at $3 / $15 per million tokens, cache writes at 1.25x input. */
    private static final long PARSE_INPUT = 1850;
    private static final long PARSE_OUTPUT = 420;
    private static final long BULLETS_INPUT = 2100;
    private static final long BULLETS_CACHE_WRITE = 1500;
    private static final long BULLETS_OUTPUT = 640;
    private static final BigDecimal PARSE_COST = new BigDecimal("0.01185");      // (1850 * 3 + 420 * 15) / 1e6
    private static final BigDecimal BULLETS_COST = new BigDecimal("0.021525");   // (2100 * 3 + 1500 * 3.75 + 640 * 15) / 1e6

    private static LlmProviderStub stub;
    private static StubProviderPlatform platform;
    /** The bullets the stub answered last, by role key (the tests run one after the other). */
    private static volatile Map<String, List<String>> lastBullets;

    @BeforeAll
    static void startStack() {
        RunningPlatform.stopIfRunning();
        stub = LlmProviderStub.start().respondWith(StubProviderResumeE2ETest::answer);
        platform = StubProviderPlatform.start(stub.url() + "/v1/");
    }

    @AfterAll
    static void stopStack() {
        if (platform != null) {
            platform.close();
        }
        if (stub != null) {
            stub.close();
        }
    }

    @Test
    void aResumeIsWrittenByTheModelBehindTheStubAndItsCostIsReported() throws Exception {
        String gateway = platform.url();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String company = "Stubworks " + run;
        String username = "stub-llm-" + run;
        String password = "stub-llm-pass-" + run;
        E2eAccounts.createUser(gateway, username, password);
        String basic = E2eAccounts.basic(username, password);
        ObjectNode base = (ObjectNode) JSON.readTree(Files.readString(fixture("fixtures/experience-base.json")));
        ((ObjectNode) base.get("contact")).put("name", "Sam Stubbed " + run);
        ok(send(basic, "PUT", gateway + "/api/resumes/experience", base.toString()), 200);

        int before = stub.requests().size();
        lastBullets = null;
        HttpResponse<String> accepted = send(basic, "POST", gateway + "/api/resumes",
                JSON.createObjectNode().put("jdText", jd(company)).put("source", "company_site").toString());
        String resumeId = ok(accepted, 202).path("id").asString();
        JsonNode resume = awaitFinished(gateway, basic, resumeId);
        assertThat(resume.path("status").asString()).as(resume.toString()).isEqualTo("done");
        List<LlmProviderStub.Request> calls = stub.requests().subList(before, stub.requests().size());
        assertThat(resume.path("writer").asString()).isEqualTo("anthropic/" + MODEL);
        assertThat(resume.path("template").asString()).isEqualTo("engineer");

        // the parse is the stub's answer
        String jobId = resume.path("jobId").asString();
        JsonNode job = ok(send(basic, "GET", gateway + "/api/resumes/jobs/" + jobId, null), 200);
        assertThat(job.path("parser").asString()).isEqualTo("anthropic/" + MODEL);
        JsonNode metadata = job.path("parse").path("metadata");
        assertThat(metadata.path("company").asString()).isEqualTo(company);
        assertThat(metadata.path("listingJobTitle").asString()).isEqualTo("Platform Engineer II");
        assertThat(metadata.path("role").asString()).isEqualTo("software_engineer");
        assertThat(metadata.path("level").asString()).isEqualTo("ii");
        assertThat(metadata.path("workSetting").asString()).isEqualTo("hybrid");
        assertThat(metadata.path("minSalary").asInt()).isEqualTo(140_000);
        assertThat(metadata.path("maxSalary").asInt()).isEqualTo(175_000);
        assertThat(metadata.path("externalJobId").asString()).isEqualTo("PE-5521");
        assertThat(job.path("parse").path("requirements")).hasSize(6);
        assertThat(resume.path("company").asString()).isEqualTo(company);

        // the bullets are the stub's, role by role, each citing its project; they passed the verifier at once
        Map<String, List<String>> answered = lastBullets;
        assertThat(answered).as("the stub answered the bullet call").isNotNull();
        Map<String, List<String>> printed = new LinkedHashMap<>();
        for (JsonNode role : resume.path("content").path("roles")) {
            List<String> texts = new ArrayList<>();
            for (JsonNode bullet : role.path("bullets")) {
                texts.add(bullet.path("text").asString());
                assertThat(bullet.path("projectKey").asString()).startsWith(role.path("roleKey").asString());
            }
            printed.put(role.path("roleKey").asString(), texts);
        }
        assertThat(printed).isEqualTo(answered);
        assertThat(calls).as("one parse call and one bullet call, no repair").hasSize(2)
                .allSatisfy(r -> assertThat(r.path()).isEqualTo("/v1/messages"));
        assertThat(LlmProviderStub.promptText(calls.get(0))).contains("You read one job description").contains(company);
        assertThat(LlmProviderStub.promptText(calls.get(1))).contains("You write resume bullets").contains("EKS migration");
        assertThat(resume.path("content").path("skills")).isNotEmpty();

        // a one-page PDF that prints the stub's bullets in order
        byte[] pdf = pdf(basic, gateway + resume.path("pdfPath").asString());
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
        }
        assertThat(text).contains("SamStubbed" + run);
        int from = 0;
        for (List<String> bullets : answered.values()) {
            for (String bullet : bullets) {
                int at = text.indexOf(bullet.replaceAll("\\s+", ""), from);
                assertThat(at).as("'%s' printed after the bullets before it", bullet).isGreaterThanOrEqualTo(from);
                from = at;
            }
        }

        // ResumeRendered reached the tracker: the job (from JdParsed) has this resume's version 1
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode tracked = ok(send(basic, "GET", gateway + "/api/tracker/jobs/" + jobId, null), 200);
            assertThat(tracked.path("company").asString()).isEqualTo(company);
            assertThat(tracked.path("resume").path("resumeId").asString()).isEqualTo(resumeId);
            assertThat(tracked.path("resume").path("version").asInt()).isEqualTo(1);
        });

        // the usage and cost the stub reported
        JsonNode status = ok(send(basic, "GET", gateway + "/api/resumes/llm/status", null), 200);
        assertThat(status.path("provider").asString()).isEqualTo("anthropic");
        assertThat(status.path("model").asString()).isEqualTo(MODEL);
        assertThat(status.path("offline").asBoolean()).isFalse();
        assertThat(status.path("budget").path("spent").decimalValue()).isEqualByComparingTo(PARSE_COST.add(BULLETS_COST));
        JsonNode costs = ok(send(basic, "GET", gateway + "/api/resumes/llm/costs", null), 200);
        JsonNode parse = purpose(costs, "jd_parse");
        assertThat(parse.path("calls").asLong()).isEqualTo(1);
        assertThat(parse.path("inputTokens").asLong()).isEqualTo(PARSE_INPUT);
        assertThat(parse.path("outputTokens").asLong()).isEqualTo(PARSE_OUTPUT);
        assertThat(parse.path("costUsd").decimalValue()).isEqualByComparingTo(PARSE_COST);
        JsonNode bullets = purpose(costs, "bullets");
        assertThat(bullets.path("calls").asLong()).isEqualTo(1);
        assertThat(bullets.path("inputTokens").asLong()).isEqualTo(BULLETS_INPUT);
        assertThat(bullets.path("cacheWriteTokens").asLong()).isEqualTo(BULLETS_CACHE_WRITE);
        assertThat(bullets.path("outputTokens").asLong()).isEqualTo(BULLETS_OUTPUT);
        assertThat(bullets.path("costUsd").decimalValue()).isEqualByComparingTo(BULLETS_COST);
        assertThat(costs.path("total").path("costUsd").decimalValue()).isEqualByComparingTo(PARSE_COST.add(BULLETS_COST));
        assertThat(costs.path("byJob")).hasSize(1);
        assertThat(costs.path("byJob").get(0).path("jobId").asString()).isEqualTo(jobId);
        assertApiKeyNeverLogged();
    }

    @Test
    void aProviderOverloadedEveryTimeFailsTheResumeClearlyAfterBoundedRetriesAndSavesNoJob() throws Exception {
        String gateway = platform.url();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String company = "Overloaded Co " + run;
        String username = "stub-529-" + run;
        String password = "stub-529-pass-" + run;
        E2eAccounts.createUser(gateway, username, password);
        String basic = E2eAccounts.basic(username, password);
        ok(send(basic, "PUT", gateway + "/api/resumes/experience",
                Files.readString(fixture("fixtures/experience-base.json"))), 200);

        HttpResponse<String> accepted = send(basic, "POST", gateway + "/api/resumes",
                JSON.createObjectNode().put("jdText", jd(company)).put("source", "company_site").toString());
        String resumeId = ok(accepted, 202).path("id").asString();
        JsonNode resume = awaitFinished(gateway, basic, resumeId);

        assertThat(resume.path("status").asString()).as(resume.toString()).isEqualTo("failed");
        assertThat(resume.path("failure").path("step").asString()).isEqualTo("parse");
        assertThat(resume.path("failure").path("reason").asString()).isEqualTo("PROVIDER_ERROR");
        assertThat(resume.path("failure").path("message").asString()).isNotBlank();
        assertThat(resume.path("steps")).extracting(step -> step.path("name").asString() + "=" + step.path("status").asString())
                .containsExactly("parse=failed", "write=pending", "render=pending");
        // nothing half-saved: no job, no content, no version
        assertThat(resume.path("jobId").isNull()).as(resume.toString()).isTrue();
        assertThat(resume.path("content").isNull()).isTrue();
        assertThat(resume.path("versions")).isEmpty();
        JsonNode trackerJobs = ok(send(basic, "GET", gateway + "/api/tracker/jobs", null), 200);
        assertThat(trackerJobs.path("total").isNumber()).as(trackerJobs.toString()).isTrue();
        assertThat(trackerJobs.path("total").asLong()).isZero();
        // retries bounded: the first attempt and MAX_RETRIES more, then no further call
        assertThat(stub.requests().stream().filter(r -> LlmProviderStub.promptText(r).contains(company)))
                .hasSize(1 + StubProviderPlatform.MAX_RETRIES);
        // the failed call is on the ledger, at no cost
        JsonNode parse = purpose(ok(send(basic, "GET", gateway + "/api/resumes/llm/costs", null), 200), "jd_parse");
        assertThat(parse.path("calls").asLong()).isEqualTo(1);
        assertThat(parse.path("costUsd").decimalValue()).isEqualByComparingTo(BigDecimal.ZERO);
        assertApiKeyNeverLogged();
    }

    /** Here the key is really sent (to the stub): no app's log, nor the launcher's, may show it. */
    private static void assertApiKeyNeverLogged() throws IOException {
        String key = System.getenv("JOBSEARCH_LLM_API_KEY");
        assertThat(key).as("surefire sets JOBSEARCH_LLM_API_KEY").isNotBlank();
        List<Path> logs;
        try (var files = Files.list(platform.logs())) {
            logs = new ArrayList<>(files.filter(Files::isRegularFile).toList());
        }
        logs.add(platform.launcherLog());
        assertThat(logs).as("the stack's logs").anySatisfy(log -> assertThat(log.getFileName().toString()).isEqualTo("resume-service.log"));
        for (Path log : logs) {
            assertThat(Files.readString(log, StandardCharsets.ISO_8859_1)).as(log.toString()).doesNotContain(key);
        }
    }

    // ------------------------------------------------------------- the stub's answers

    /**
     * Reads the request as the provider would: a JD parse (its rules say "You read one job description") gets the
     * parse of {@link #jd}, a bullet call ("You write resume bullets") one bullet per project of each requested role
     * within its allowance, stating only that project's outcome. A JD of an "Overloaded Co" gets 529 every time.
     */
    private static LlmProviderStub.Reply answer(LlmProviderStub.Request request) {
        String prompt = LlmProviderStub.promptText(request);
        Matcher company = COMPANY.matcher(prompt);
        String hiring = company.find() ? company.group(1) : "Unknown";
        if (hiring.startsWith("Overloaded Co")) {
            return LlmProviderStub.Reply.status(529, LlmProviderStub.anthropicError("overloaded_error", "Overloaded"));
        }
        if (prompt.contains("You read one job description")) {
            return LlmProviderStub.Reply.ok(LlmProviderStub.anthropic(parseAnswer(hiring), "end_turn",
                    PARSE_INPUT, PARSE_OUTPUT, 0, 0));
        }
        if (prompt.contains("You write resume bullets")) {
            return LlmProviderStub.Reply.ok(LlmProviderStub.anthropic(bulletAnswer(prompt), "end_turn",
                    BULLETS_INPUT, BULLETS_OUTPUT, BULLETS_CACHE_WRITE, 0));
        }
        return LlmProviderStub.Reply.status(400, LlmProviderStub.anthropicError("invalid_request_error",
                "the e2e stub does not know this call"));
    }

    private static String parseAnswer(String company) {
        return """
                {"metadata": {"company": "%s", "listingJobTitle": "Platform Engineer II", "role": "software_engineer",
                  "specialization": null, "level": "ii", "location": "Denver, CO", "workSetting": "hybrid",
                  "minExperienceYears": 3, "minSalary": 140000, "maxSalary": 175000, "externalJobId": "PE-5521"},
                 "requirements": [
                  {"text": "Operate Kubernetes (EKS) clusters with Helm and Kustomize", "keywords": ["Kubernetes", "EKS", "Helm", "Kustomize"], "relevance": 0.95},
                  {"text": "Infrastructure as code with Terraform on AWS", "keywords": ["Terraform", "AWS"], "relevance": 0.9},
                  {"text": "CI/CD pipelines in GitHub Actions", "keywords": ["GitHub Actions", "CI/CD"], "relevance": 0.85},
                  {"text": "Observability with Prometheus, Grafana and OpenTelemetry", "keywords": ["Prometheus", "Grafana", "OpenTelemetry"], "relevance": 0.8},
                  {"text": "Developer tooling in Go or Python", "keywords": ["Go", "Python"], "relevance": 0.6},
                  {"text": "On-call rotation and blameless postmortems", "keywords": ["on-call", "postmortems"], "relevance": 0.5}],
                 "contractTerms": null}""".formatted(company);
    }

    /** Parses the system prompt's "Role key: …" and "[projectKey] name" / "Outcomes: a; b" lines, and the allowances. */
    private static String bulletAnswer(String prompt) {
        Map<String, Integer> allowance = new LinkedHashMap<>();
        Map<String, List<String[]>> projects = new LinkedHashMap<>();
        String role = null;
        String project = null;
        for (String line : prompt.split("\n")) {
            Matcher r = ROLE.matcher(line);
            Matcher p = PROJECT.matcher(line);
            if (line.startsWith("Write bullets for each role")) {
                Matcher m = ALLOWANCE.matcher(line.substring(line.indexOf("):") + 2));
                while (m.find()) {
                    allowance.put(m.group(1), Integer.parseInt(m.group(2)));
                }
            } else if (r.find()) {
                role = r.group(1);
                project = null;
                projects.put(role, new ArrayList<>());
            } else if (role != null && p.find()) {
                project = p.group(1);
            } else if (line.startsWith("Outcomes: ") && role != null && project != null) {
                String outcome = line.substring("Outcomes: ".length()).split(";")[0].strip();
                projects.get(role).add(new String[]{
                        BULLET_LEAD + Character.toLowerCase(outcome.charAt(0)) + outcome.substring(1), project});
            }
        }
        Map<String, List<String>> answered = new LinkedHashMap<>();
        ObjectNode answer = JSON.createObjectNode();
        var roles = answer.putArray("roles");
        projects.forEach((key, written) -> {
            if (!allowance.containsKey(key)) {
                return;
            }
            List<String[]> kept = written.subList(0, Math.min(written.size(), allowance.get(key)));
            ObjectNode entry = roles.addObject().put("roleKey", key);
            var list = entry.putArray("bullets");
            kept.forEach(b -> list.addObject().put("text", b[0]).put("projectKey", b[1]));
            answered.put(key, kept.stream().map(b -> b[0]).toList());
        });
        lastBullets = answered;
        // as models often do: the JSON in a code fence
        return "```json\n" + answer.toPrettyString() + "\n```";
    }

    // ------------------------------------------------------------- helpers

    /** The e2e JD with a line naming the hiring company (the parse stub reads it; it keeps each run's JD unique). */
    private static String jd(String company) throws Exception {
        return Files.readString(fixture("fixtures/jd-platform-engineer.txt"), StandardCharsets.UTF_8)
                .replace("The Role\n", "The Role\nHiring company: " + company + ". ");
    }

    private static JsonNode awaitFinished(String gateway, String basic, String resumeId) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> {
            last[0] = ok(send(basic, "GET", gateway + "/api/resumes/" + resumeId, null), 200);
            String status = last[0].path("status").asString();
            return status.equals("done") || status.equals("failed");
        });
        return last[0];
    }

    private static JsonNode purpose(JsonNode costs, String purpose) {
        for (JsonNode entry : costs.path("byPurpose")) {
            if (purpose.equals(entry.path("purpose").asString())) {
                return entry.path("usage");
            }
        }
        throw new AssertionError("no " + purpose + " in " + costs);
    }

    private static HttpResponse<String> send(String authorization, String method, String url, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return E2eAccounts.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] pdf(String authorization, String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = E2eAccounts.HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/pdf"));
        return response.body();
    }

    private static JsonNode ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.request().method() + " " + response.request().uri() + ": "
                + response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(Objects.requireNonNull(StubProviderResumeE2ETest.class.getClassLoader().getResource(name), name).toURI());
    }
}
