package org.jobsearch.resume.generation;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jobsearch.events.EventHeaders;
import org.jobsearch.events.EventType;
import org.jobsearch.identity.CurrentUser;
import org.jobsearch.identity.IdentityProperties;
import org.jobsearch.llm.LlmFailure;
import org.jobsearch.resume.ResumeIntegrationTest;
import org.jobsearch.resume.TestUsers;
import org.jobsearch.testkit.SharedInfrastructure;
import org.jobsearch.testkit.TestHttp;
import org.jobsearch.testkit.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

/**
 * The resume pipeline end to end on real PostgreSQL and Kafka: a {@code ResumeRequested} command or a REST request
 * is queued, the worker parses, writes and renders it (each step visible while it runs), a failed step is retried
 * from where it stopped, and edits are re-rendered as new versions.
 */
@ResumeIntegrationTest
class ResumePipelineIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final String PLATFORM_JD = read("src/test/resources/jds/01-platform-engineer.txt");
    static KafkaProducer<String, byte[]> producer;

    @LocalServerPort
    int port;
    @Autowired
    IdentityProperties identity;
    @Autowired
    JdbcTemplate jdbc;
    /** The spy of {@link ResumeIntegrationTest}: the real writer unless stubbed below. */
    @Autowired
    BulletWriter writer;

    RestTestClient http;
    TestUsers users;

    @BeforeEach
    void setUp() {
        http = TestHttp.client(port);
        users = new TestUsers(identity);
    }

    @AfterAll
    static void closeProducer() {
        if (producer != null) {
            producer.close();
        }
    }

    @Test
    void resumeRequestedOnKafka_yieldsJdParsedResumeRenderedAndAPdf_onceForARepeatedRequest() throws IOException {
        CurrentUser owner = TestUsers.user("olga");
        importExperience(owner, "Adventure Works");
        UUID requestId = UUID.randomUUID();
        ObjectNode command = sample(EventType.RESUME_REQUESTED);
        command.put("ownerId", owner.id().toString());
        command.put("requestId", requestId.toString());
        command.put("jdText", PLATFORM_JD);
        command.remove("listingId");
        command.remove("templateId");

        send(EventType.RESUME_REQUESTED, requestId.toString(), command);
        ObjectNode again = command.deepCopy();
        again.put("eventId", UUID.randomUUID().toString());
        send(EventType.RESUME_REQUESTED, requestId.toString(), again);

        await().atMost(PATIENCE).until(() -> "done".equals(jdbc.query(
                "select status from resume where owner_id = ?", rs -> rs.next() ? rs.getString(1) : null, owner.id())));
        String resumeId = jdbc.queryForObject("select id::text from resume where owner_id = ?", String.class,
                owner.id());
        JsonNode resume = exchange(owner, HttpMethod.GET, "/api/resumes/" + resumeId, null, 200);
        assertThat(resume.path("status").asString()).isEqualTo("done");
        assertThat(resume.path("company").asString()).isEqualTo("Litware");
        assertThat(resume.path("failure").isNull()).isTrue();
        assertThat(resume.path("steps").valueStream().map(s -> s.path("name").asString() + ":"
                + s.path("status").asString())).containsExactly("parse:done", "write:done", "render:done");
        resume.path("steps").forEach(s -> assertThat(s.path("finishedAt").isNull()).isFalse());
        assertThat(resume.path("version").asInt()).isEqualTo(1);
        assertThat(resume.path("template").asString()).isEqualTo("engineer");
        JsonNode bullet = resume.path("content").path("roles").get(0).path("bullets").get(0);
        assertThat(bullet.path("id").asString()).isEqualTo("r0b0");
        assertThat(bullet.path("exclude").asBoolean()).isFalse();
        assertThat(bullet.path("overrideText").isNull()).isTrue();
        assertThat(resume.path("content").path("skills").get(0).path("id").asString()).isEqualTo("s0");

        // the repeated command made no second resume and no second job
        assertThat(jdbc.queryForObject("select count(*) from resume where owner_id = ?", Long.class, owner.id()))
                .isEqualTo(1L);
        assertThat(jdbc.queryForObject("select count(*) from job where owner_id = ?", Long.class, owner.id()))
                .isEqualTo(1L);

        String jobId = resume.path("jobId").asString();
        JsonNode jdParsed = JSON.readTree(record("job.events", jobId).value());
        assertThat(jdParsed.path("ownerId").asString()).isEqualTo(owner.id().toString());
        JsonNode rendered = JSON.readTree(record("resume.events", resumeId).value());
        assertThat(rendered.path("version").asInt()).isEqualTo(1);
        assertThat(rendered.path("jobId").asString()).isEqualTo(jobId);
        assertThat(rendered.path("content").path("roles").get(0).path("bullets").get(0).path("text").asString())
                .isEqualTo(bullet.path("text").asString());

        String text = pdfText(owner, resume.path("pdfPath").asString());
        assertThat(text).contains("Sam Rivera", bullet.path("text").asString());

        JsonNode list = exchange(owner, HttpMethod.GET, "/api/resumes?page=0&size=20", null, 200);
        assertThat(list.path("total").asLong()).isEqualTo(1L);
        JsonNode item = list.path("items").get(0);
        assertThat(item.path("id").asString()).isEqualTo(resumeId);
        assertThat(item.path("jobId").asString()).isEqualTo(jobId);
        assertThat(item.path("title").asString()).isEqualTo("Platform Engineer II — Developer Infrastructure");
        assertThat(item.path("status").asString()).isEqualTo("done");
        assertThat(item.path("latestVersion").asInt()).isEqualTo(1);
        assertThat(exchange(TestUsers.user("nosy"), HttpMethod.GET, "/api/resumes", null, 200).path("total")
                .asLong()).isZero();
    }

    @Test
    void restRequest_isQueued_andEachStepIsVisibleWhileItRuns() {
        CurrentUser owner = TestUsers.user("pia");
        String marker = "Slow Works " + UUID.randomUUID();
        importExperience(owner, marker);
        CountDownLatch release = new CountDownLatch(1);
        doAnswer(call -> {
            if (firstCompany(call.getArgument(0)).equals(marker)) {
                release.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            }
            return call.callRealMethod();
        }).when(writer).write(any());

        EntityExchangeResult<String> accepted = http.post().uri("/api/resumes")
                .header(HttpHeaders.AUTHORIZATION, users.bearer(owner)).contentType(MediaType.APPLICATION_JSON)
                .body(JSON.writeValueAsString(Map.of("jdText", PLATFORM_JD, "source", "linkedin")))
                .exchange().expectStatus().isAccepted().returnResult(String.class);
        JsonNode queued = JSON.readTree(accepted.getResponseBody());
        String resumeId = queued.path("id").asString();
        assertThat(accepted.getResponseHeaders().getLocation()).hasToString("/api/resumes/" + resumeId);
        assertThat(queued.path("status").asString()).isEqualTo("queued");
        assertThat(queued.path("steps").valueStream().map(s -> s.path("status").asString()))
                .containsExactly("pending", "pending", "pending");
        assertThat(queued.path("version").isNull()).isTrue();

        JsonNode writing = await().atMost(PATIENCE).until(
                () -> exchange(owner, HttpMethod.GET, "/api/resumes/" + resumeId, null, 200),
                view -> view.path("status").asString().equals("writing"));
        assertThat(writing.path("jobId").asString()).isNotBlank();
        JsonNode steps = writing.path("steps");
        assertThat(steps.get(0).path("status").asString()).isEqualTo("done");
        assertThat(steps.get(1).path("status").asString()).isEqualTo("running");
        assertThat(steps.get(1).path("startedAt").isNull()).isFalse();
        assertThat(steps.get(1).path("finishedAt").isNull()).isTrue();
        assertThat(steps.get(2).path("status").asString()).isEqualTo("pending");
        assertThat(exchange(owner, HttpMethod.POST, "/api/resumes/" + resumeId + "/versions", null, 422)
                .path("status").asString()).isEqualTo("writing");

        release.countDown();
        JsonNode done = await().atMost(PATIENCE).until(
                () -> exchange(owner, HttpMethod.GET, "/api/resumes/" + resumeId, null, 200),
                view -> view.path("status").asString().equals("done"));
        assertThat(done.path("steps").valueStream().map(s -> s.path("status").asString()))
                .containsExactly("done", "done", "done");
        assertThat(done.path("version").asInt()).isEqualTo(1);
        assertThat(done.path("coverage").path("requirements").size()).isPositive();
    }

    @Test
    void providerErrorInTheWriteStep_failsIt_andRetryRunsFromThereWithoutParsingAgain() {
        CurrentUser owner = TestUsers.user("quinn");
        String marker = "Flaky Works " + UUID.randomUUID();
        importExperience(owner, marker);
        AtomicInteger failures = new AtomicInteger();
        doAnswer(call -> {
            if (firstCompany(call.getArgument(0)).equals(marker) && failures.getAndIncrement() == 0) {
                throw new LlmFailure("resume_bullets", LlmFailure.Reason.PROVIDER_ERROR,
                        "the provider answered 529 on every retry");
            }
            return call.callRealMethod();
        }).when(writer).write(any());

        String resumeId = exchange(owner, HttpMethod.POST, "/api/resumes", JSON.writeValueAsString(Map.of(
                "jdText", PLATFORM_JD, "source", "indeed")), 202).path("id").asString();
        JsonNode failed = await().atMost(PATIENCE).until(
                () -> exchange(owner, HttpMethod.GET, "/api/resumes/" + resumeId, null, 200),
                view -> view.path("status").asString().equals("failed"));
        assertThat(failed.path("failure").path("step").asString()).isEqualTo("write");
        assertThat(failed.path("failure").path("reason").asString()).isEqualTo("PROVIDER_ERROR");
        assertThat(failed.path("failure").path("message").asString()).contains("529");
        assertThat(failed.path("steps").valueStream().map(s -> s.path("status").asString()))
                .containsExactly("done", "failed", "pending");
        assertThat(failed.path("steps").get(1).path("error").asString()).contains("529");
        assertThat(failed.path("content").isNull()).isTrue();
        assertThat(failed.path("versions")).isEmpty();
        JsonNode parseStep = failed.path("steps").get(0);
        long parses = parseLedgerRows(owner);
        assertThat(parses).isEqualTo(1L);
        exchange(owner, HttpMethod.POST, "/api/resumes/" + resumeId + "/versions", null, 422);
        exchange(TestUsers.user("mallory"), HttpMethod.POST, "/api/resumes/" + resumeId + "/retry", null, 404);

        JsonNode retried = exchange(owner, HttpMethod.POST, "/api/resumes/" + resumeId + "/retry", null, 202);
        assertThat(retried.path("failure").isNull()).isTrue();
        JsonNode done = await().atMost(PATIENCE).until(
                () -> exchange(owner, HttpMethod.GET, "/api/resumes/" + resumeId, null, 200),
                view -> view.path("status").asString().equals("done"));

        assertThat(done.path("steps").get(0)).isEqualTo(parseStep);
        assertThat(done.path("jobId").asString()).isEqualTo(failed.path("jobId").asString());
        assertThat(parseLedgerRows(owner)).isEqualTo(parses);
        assertThat(jdbc.queryForObject("select count(*) from job where owner_id = ?", Long.class, owner.id()))
                .isEqualTo(1L);
        assertThat(failures.get()).isEqualTo(2);
        assertThat(done.path("version").asInt()).isEqualTo(1);
        JsonNode conflict = exchange(owner, HttpMethod.POST, "/api/resumes/" + resumeId + "/retry", null, 409);
        assertThat(conflict.path("status").asString()).isEqualTo("done");
    }

    @Test
    void resumeLeftMidStepByALostInstance_isTakenOverAfterItsLease() {
        CurrentUser owner = TestUsers.user("lars");
        String marker = "Crashing Works " + UUID.randomUUID();
        importExperience(owner, marker);
        AtomicInteger writes = new AtomicInteger();
        doAnswer(call -> {
            if (firstCompany(call.getArgument(0)).equals(marker) && writes.getAndIncrement() == 0) {
                throw new LlmFailure("resume_bullets", LlmFailure.Reason.TRUNCATED, "cut off");
            }
            return call.callRealMethod();
        }).when(writer).write(any());
        String resumeId = exchange(owner, HttpMethod.POST, "/api/resumes", JSON.writeValueAsString(Map.of(
                "jdText", PLATFORM_JD, "source", "indeed")), 202).path("id").asString();
        await().atMost(PATIENCE).until(() -> exchange(owner, HttpMethod.GET, "/api/resumes/" + resumeId, null, 200)
                .path("status").asString().equals("failed"));

        // as an instance that died while writing leaves it: running, claimed long ago by a token no one holds
        jdbc.update("""
                update resume set status = 'writing', failure = null, claim_token = gen_random_uuid(),
                    claimed_at = now() - interval '1 hour',
                    steps = jsonb_set(steps, '{1}', '{"name": "write", "status": "running"}')
                where id = ?::uuid""", resumeId);

        JsonNode done = await().atMost(PATIENCE).until(
                () -> exchange(owner, HttpMethod.GET, "/api/resumes/" + resumeId, null, 200),
                view -> view.path("status").asString().equals("done"));
        assertThat(done.path("steps").valueStream().map(s -> s.path("status").asString()))
                .containsExactly("done", "done", "done");
        assertThat(writes.get()).isEqualTo(2);
        assertThat(parseLedgerRows(owner)).isEqualTo(1L);
    }

    @Test
    void resumeRequestedWithAnUnknownTemplate_isDeadLettered_andSavesNothing() {
        CurrentUser owner = TestUsers.user("mona");
        UUID requestId = UUID.randomUUID();
        ObjectNode command = sample(EventType.RESUME_REQUESTED);
        command.put("ownerId", owner.id().toString());
        command.put("requestId", requestId.toString());
        command.put("jdText", PLATFORM_JD);
        command.remove("listingId");
        command.put("templateId", UUID.randomUUID().toString());

        send(EventType.RESUME_REQUESTED, requestId.toString(), command);

        assertThat(record("resume.commands-dlt", requestId.toString())).isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from resume where owner_id = ?", Long.class, owner.id()))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from job where owner_id = ?", Long.class, owner.id()))
                .isZero();
    }

    @Test
    void excludedBulletAndOverrideText_areRenderedAsVersion2_andVersion1StaysDownloadable() throws IOException {
        CurrentUser owner = TestUsers.user("rosa");
        importExperience(owner, "Adventure Works");
        String resumeId = exchange(owner, HttpMethod.POST, "/api/resumes", JSON.writeValueAsString(Map.of(
                "jdText", PLATFORM_JD, "source", "company_site", "template", "analyst")), 202).path("id").asString();
        JsonNode done = await().atMost(PATIENCE).until(
                () -> exchange(owner, HttpMethod.GET, "/api/resumes/" + resumeId, null, 200),
                view -> view.path("status").asString().equals("done"));
        assertThat(done.path("template").asString()).isEqualTo("analyst");
        JsonNode bullets = done.path("content").path("roles").get(0).path("bullets");
        String overridden = bullets.get(0).path("text").asString();
        String excluded = bullets.get(1).path("text").asString();
        String override = "Moved 40 services to EKS in blue-green waves, cutting deploys from 40 to 8 minutes";
        String base = "/api/resumes/" + resumeId + "/items/";

        JsonNode edited = exchange(owner, HttpMethod.PATCH, base + "r0b1", "{\"exclude\": true}", 200);
        assertThat(edited.path("content").path("roles").get(0).path("bullets").get(1).path("exclude").asBoolean())
                .isTrue();
        edited = exchange(owner, HttpMethod.PATCH, base + "r0b0",
                JSON.writeValueAsString(Map.of("overrideText", override)), 200);
        JsonNode first = edited.path("content").path("roles").get(0).path("bullets").get(0);
        assertThat(first.path("overrideText").asString()).isEqualTo(override);
        assertThat(first.path("text").asString()).isEqualTo(overridden);
        assertThat(first.path("exclude").asBoolean()).isFalse();

        // a skills line: override, then cleared again with an empty string
        exchange(owner, HttpMethod.PATCH, base + "s0", "{\"overrideText\": \"Kubernetes, Terraform\"}", 200);
        JsonNode cleared = exchange(owner, HttpMethod.PATCH, base + "s0", "{\"overrideText\": \"\"}", 200);
        assertThat(cleared.path("content").path("skills").get(0).path("overrideText").isNull()).isTrue();

        assertThat(pointers(exchange(owner, HttpMethod.PATCH, base + "r0b0",
                JSON.writeValueAsString(Map.of("overrideText", "word ".repeat(41))), 400)))
                .containsExactly("/overrideText");
        assertThat(pointers(exchange(owner, HttpMethod.PATCH, base + "r0b0",
                JSON.writeValueAsString(Map.of("overrideText", "x".repeat(301))), 400)))
                .containsExactly("/overrideText");
        assertThat(pointers(exchange(owner, HttpMethod.PATCH, base + "r0b0",
                "{\"overrideText\": \"a\\u0000b\"}", 400))).containsExactly("/overrideText");
        assertThat(pointers(exchange(owner, HttpMethod.PATCH, base + "r0b0", "{\"exclude\": \"yes\"}", 400)))
                .containsExactly("/exclude");
        exchange(owner, HttpMethod.PATCH, base + "r9b9", "{\"exclude\": true}", 404);
        exchange(TestUsers.user("eve"), HttpMethod.PATCH, base + "r0b0", "{\"exclude\": true}", 404);

        EntityExchangeResult<String> created = http.post().uri("/api/resumes/" + resumeId + "/versions")
                .header(HttpHeaders.AUTHORIZATION, users.bearer(owner)).exchange()
                .expectStatus().isCreated().returnResult(String.class);
        assertThat(created.getResponseHeaders().getLocation())
                .hasToString("/api/resumes/" + resumeId + "/versions/2");
        JsonNode v2 = JSON.readTree(created.getResponseBody());
        assertThat(v2.path("version").asInt()).isEqualTo(2);
        assertThat(v2.path("versions")).hasSize(2);

        String version2 = pdfText(owner, "/api/resumes/" + resumeId + "/versions/2/pdf");
        assertThat(version2).contains(override).doesNotContain(excluded).doesNotContain(overridden);
        String version1 = pdfText(owner, "/api/resumes/" + resumeId + "/versions/1/pdf");
        assertThat(version1).contains(excluded, overridden).doesNotContain(override);

        JsonNode event = JSON.readTree(records("resume.events", resumeId, 2).get(1).value());
        assertThat(event.path("version").asInt()).isEqualTo(2);
        List<String> published = event.path("content").path("roles").get(0).path("bullets").valueStream()
                .map(b -> b.path("text").asString()).toList();
        assertThat(published).contains(override).doesNotContain(excluded, overridden);
    }

    @Test
    void unknownTemplate_isRefusedBeforeAnythingIsSaved() {
        CurrentUser owner = TestUsers.user("sven");
        importExperience(owner, "Adventure Works");

        JsonNode problem = exchange(owner, HttpMethod.POST, "/api/resumes", JSON.writeValueAsString(Map.of(
                "jdText", PLATFORM_JD, "source", "linkedin", "template", UUID.randomUUID().toString())), 400);

        assertThat(pointers(problem)).containsExactly("/template");
        assertThat(jdbc.queryForObject("select count(*) from resume where owner_id = ?", Long.class, owner.id()))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from job where owner_id = ?", Long.class, owner.id()))
                .isZero();
        assertThat(pointers(exchange(owner, HttpMethod.POST, "/api/resumes", JSON.writeValueAsString(Map.of(
                "source", "linkedin")), 400))).containsExactly("/jdText");
    }

    @Test
    void templateGoneBeforeTheParse_failsTheParseWithNoTemplate_andLeavesNoJob() {
        CurrentUser owner = TestUsers.user("nina");
        importExperience(owner, "Adventure Works");
        UUID resumeId = UUID.randomUUID();
        // as a request queued with a template of the owner's that was deleted before the worker took it
        jdbc.update("""
                insert into resume (id, owner_id, input, status, next_step, steps)
                values (?, ?, cast(? as jsonb), 'queued', 'parse', cast(? as jsonb))""", resumeId, owner.id(),
                JSON.writeValueAsString(Map.of("jdText", PLATFORM_JD, "source", "linkedin",
                        "template", UUID.randomUUID().toString())),
                "[{\"name\":\"parse\",\"status\":\"pending\"},{\"name\":\"write\",\"status\":\"pending\"},"
                        + "{\"name\":\"render\",\"status\":\"pending\"}]");

        JsonNode failed = await().atMost(PATIENCE).until(
                () -> exchange(owner, HttpMethod.GET, "/api/resumes/" + resumeId, null, 200),
                view -> view.path("status").asString().equals("failed"));

        assertThat(failed.path("failure").path("step").asString()).isEqualTo("parse");
        assertThat(failed.path("failure").path("reason").asString()).isEqualTo("NO_TEMPLATE");
        assertThat(failed.path("jobId").isNull()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from job where owner_id = ?", Long.class, owner.id()))
                .isZero();
    }

    @Test
    void generateFalse_parsesOnly_andAnswersWithTheJob() {
        CurrentUser owner = TestUsers.user("tess");

        EntityExchangeResult<String> created = http.post().uri("/api/resumes")
                .header(HttpHeaders.AUTHORIZATION, users.bearer(owner)).contentType(MediaType.APPLICATION_JSON)
                .body(JSON.writeValueAsString(Map.of("jdText", PLATFORM_JD, "source", "linkedin", "generate", false)))
                .exchange().expectStatus().isCreated().returnResult(String.class);

        JsonNode job = JSON.readTree(created.getResponseBody());
        assertThat(created.getResponseHeaders().getLocation()).hasToString("/api/resumes/jobs/" + job.path("id")
                .asString());
        assertThat(job.path("parse").path("metadata").path("company").asString()).isEqualTo("Litware");
        assertThat(jdbc.queryForObject("select count(*) from resume where owner_id = ?", Long.class, owner.id()))
                .isZero();
    }

    // ------------------------------------------------------------------ helpers

    private void importExperience(CurrentUser owner, String firstCompany) {
        ObjectNode base = (ObjectNode) JSON.readTree(read("src/test/resources/experience/experience-base.json"));
        ((ObjectNode) base.path("roles").get(0)).put("company", firstCompany);
        exchange(owner, HttpMethod.PUT, "/api/resumes/experience", JSON.writeValueAsString(base), 200);
    }

    private static String firstCompany(BulletWriter.Request request) {
        return request.roles().get(0).company();
    }

    private long parseLedgerRows(CurrentUser owner) {
        return jdbc.queryForObject("select count(*) from llm_call where owner_id = ? and purpose = 'jd_parse'",
                Long.class, owner.id());
    }

    private String pdfText(CurrentUser owner, String path) throws IOException {
        byte[] pdf = http.get().uri(path).header(HttpHeaders.AUTHORIZATION, users.bearer(owner)).exchange()
                .expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_PDF)
                .returnResult(byte[].class).getResponseBody();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static ConsumerRecord<String, byte[]> record(String topic, String key) {
        return records(topic, key, 1).get(0);
    }

    private static List<ConsumerRecord<String, byte[]>> records(String topic, String key, int count) {
        try (TopicReader reader = new TopicReader(SharedInfrastructure.kafka().bootstrapServers(), topic)) {
            return reader.readUntil(read -> read.stream().filter(r -> key.equals(r.key())).count() >= count, PATIENCE)
                    .stream().filter(r -> key.equals(r.key())).toList();
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

    static ObjectNode sample(EventType type) {
        try (InputStream in = ResumePipelineIntegrationTest.class.getClassLoader()
                .getResourceAsStream(type.sampleResource())) {
            ObjectNode event = (ObjectNode) JSON.readTree(in);
            event.put("eventId", UUID.randomUUID().toString());
            return event;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void send(EventType type, String key, ObjectNode event) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic(), key, JSON.writeValueAsBytes(event));
        record.headers()
                .add(EventHeaders.CE_ID, event.get("eventId").asString().getBytes(StandardCharsets.UTF_8))
                .add(EventHeaders.CE_TYPE, type.typeName().getBytes(StandardCharsets.UTF_8))
                .add(EventHeaders.CE_SOURCE, "test".getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not produce " + type.typeName(), e);
        }
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
