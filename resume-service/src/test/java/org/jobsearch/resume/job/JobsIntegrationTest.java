package org.jobsearch.resume.job;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jobsearch.events.EventHeaders;
import org.jobsearch.events.EventType;
import org.jobsearch.identity.CurrentUser;
import org.jobsearch.identity.IdentityProperties;
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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
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

import static org.assertj.core.api.Assertions.assertThat;

/** Jobs through REST and Kafka: parse once per text, {@code JdParsed} on {@code job.events}, listings kept. */
@ResumeIntegrationTest
class JobsIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String PLATFORM_JD = read(Path.of("src/test/resources/jds/01-platform-engineer.txt"));
    static KafkaProducer<String, byte[]> producer;

    @LocalServerPort
    int port;
    @Autowired
    IdentityProperties identity;
    @Autowired
    JdbcTemplate jdbc;

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
    void postedJd_isParsedOffline_andPublishedAsJdParsedWithEveryField() {
        CurrentUser owner = TestUsers.user("olga");

        JsonNode job = post(owner, Map.of("jdText", PLATFORM_JD, "source", "company_site"), 201);
        String jobId = job.path("id").asString();

        ConsumerRecord<String, byte[]> record = jdParsed(jobId);
        assertThat(TopicReader.header(record, EventHeaders.CE_TYPE)).isEqualTo("JdParsed.v1");
        assertThat(TopicReader.header(record, EventHeaders.CE_SOURCE)).isEqualTo("resume-service");
        JsonNode event = JSON.readTree(record.value());
        assertThat(event.path("jobId").asString()).isEqualTo(jobId);
        assertThat(event.path("ownerId").asString()).isEqualTo(owner.id().toString());
        assertThat(event.path("source").asString()).isEqualTo("company_site");
        assertThat(event.has("sourceListingId")).isFalse();
        assertThat(event.path("rawJd").asString()).isEqualTo(PLATFORM_JD);
        assertThat(event.path("cleanedJd").asString()).isEqualTo(job.path("cleanedJd").asString())
                .contains("Hands-on Kubernetes in production").doesNotContain("401(k)", "Equal Opportunity");
        assertThat(JSON.convertValue(event.path("metadata"), Map.class)).isEqualTo(Map.ofEntries(
                Map.entry("company", "Litware"),
                Map.entry("listingJobTitle", "Platform Engineer II — Developer Infrastructure"),
                Map.entry("role", "software_engineer"), Map.entry("level", "ii"), Map.entry("location", "Denver, CO"),
                Map.entry("workSetting", "hybrid"), Map.entry("minExperienceYears", 3),
                Map.entry("minSalary", 140000), Map.entry("maxSalary", 175000), Map.entry("externalJobId", "PE-5521")));
        assertThat(event.path("requirements")).hasSize(13);
        assertThat(event.path("requirements").get(0).path("text").asString())
                .isEqualTo("Operate and improve our Kubernetes (EKS) clusters and Helm/Kustomize deployment tooling");
        assertThat(event.has("contractTerms")).isFalse();

        JsonNode shown = get(owner, "/api/resumes/jobs/" + jobId, 200);
        assertThat(shown.path("parser").asString()).isEqualTo("offline");
        assertThat(shown.path("rawJd").asString()).isEqualTo(PLATFORM_JD);
        assertThat(shown.path("parse").path("metadata").path("company").asString()).isEqualTo("Litware");
        get(TestUsers.user("mallory"), "/api/resumes/jobs/" + jobId, 404);
    }

    @Test
    void sameJdTwice_isParsedOnce() {
        CurrentUser owner = TestUsers.user("paul");

        String first = post(owner, Map.of("jdText", PLATFORM_JD, "source", "linkedin"), 201).path("id").asString();
        String second = post(owner, Map.of("jdText", PLATFORM_JD, "source", "linkedin"), 201).path("id").asString();

        assertThat(first).isNotEqualTo(second);
        assertThat(jdbc.queryForObject("select count(*) from llm_call where owner_id = ? and purpose = 'jd_parse'",
                Long.class, owner.id())).isEqualTo(1L);
        assertThat(jdbc.queryForObject("select count(*) from jd_parse where owner_id = ?", Long.class, owner.id()))
                .isEqualTo(1L);
        // another owner's identical text is parsed for them: parses are not shared between users
        post(TestUsers.user("quinn"), Map.of("jdText", PLATFORM_JD, "source", "linkedin"), 201);
        assertThat(jdbc.queryForObject("select count(*) from llm_call where owner_id = ?", Long.class, owner.id()))
                .isEqualTo(1L);
    }

    @Test
    void invalidRequests_nameTheFieldByPointer() {
        CurrentUser owner = TestUsers.user("rita");

        JsonNode neither = post(owner, Map.of("source", "linkedin"), 400);
        assertThat(neither.path("errors").get(0).path("pointer").asString()).isEqualTo("/jdText");
        JsonNode badSource = post(owner, Map.of("jdText", "x", "source", "Monster"), 400);
        assertThat(badSource.path("errors").get(0).path("pointer").asString()).isEqualTo("/source");
        JsonNode generate = post(owner, Map.of("jdText", "x", "source", "linkedin", "generate", true), 400);
        assertThat(generate.path("errors").get(0).path("pointer").asString()).isEqualTo("/generate");
        JsonNode unknown = post(owner, Map.of("listingId", UUID.randomUUID().toString(), "source", "linkedin"), 422);
        assertThat(unknown.path("errors").get(0).path("pointer").asString()).isEqualTo("/listingId");
    }

    @Test
    void resumeRequestedCommand_yieldsJdParsedForItsOwner_once() {
        CurrentUser owner = TestUsers.user("sam");
        ObjectNode command = sample(EventType.RESUME_REQUESTED);
        command.put("ownerId", owner.id().toString());
        command.put("jdText", PLATFORM_JD);
        command.remove("templateId");
        UUID requestId = UUID.randomUUID();
        command.put("requestId", requestId.toString());

        send(EventType.RESUME_REQUESTED, requestId.toString(), command);
        ObjectNode again = command.deepCopy();
        again.put("eventId", UUID.randomUUID().toString());
        send(EventType.RESUME_REQUESTED, requestId.toString(), again);

        try (TopicReader reader = new TopicReader(SharedInfrastructure.kafka().bootstrapServers(), "job.events")) {
            List<JsonNode> mine = reader.readUntil(read -> ofOwner(read, owner).size() >= 1, PATIENCE).stream()
                    .map(r -> JSON.readTree(r.value()))
                    .filter(e -> e.path("ownerId").asString().equals(owner.id().toString())).toList();
            assertThat(mine.get(0).path("metadata").path("company").asString()).isEqualTo("Litware");
            assertThat(mine.get(0).path("source").asString()).isEqualTo("company_site");
            assertThat(ofOwner(reader.drain(Duration.ofSeconds(2)), owner)).hasSize(1);
        }
        assertThat(jdbc.queryForObject("select count(*) from job where owner_id = ?", Long.class, owner.id()))
                .isEqualTo(1L);
    }

    @Test
    void discoveredListing_canBeUsedByItsId() {
        CurrentUser owner = TestUsers.user("tina");
        UUID listingId = UUID.randomUUID();
        ObjectNode listing = sample(EventType.JOB_LISTING_DISCOVERED);
        listing.put("listingId", listingId.toString());
        listing.put("company", "Litware");
        listing.put("title", "Platform Engineer II");
        listing.put("location", "Denver, CO");
        listing.put("descriptionHtml", "<p>Requisition: PE-5521</p><h3>Qualifications</h3><ul><li>3+ years with "
                + "Kubernetes</li><li>Terraform and AWS</li></ul><h3>Benefits</h3><ul><li>401(k) match</li></ul>");
        send(EventType.JOB_LISTING_DISCOVERED, listingId.toString(), listing);

        org.awaitility.Awaitility.await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "select count(*) from listing where listing_id = ?", Long.class, listingId) == 1);
        JsonNode job = post(owner, Map.of("listingId", listingId.toString(), "source", "company_site"), 201);

        assertThat(job.path("sourceListingId").asString()).isEqualTo(listingId.toString());
        assertThat(job.path("parse").path("metadata").path("company").asString()).isEqualTo("Litware");
        assertThat(job.path("parse").path("metadata").path("listingJobTitle").asString()).isEqualTo("Platform Engineer II");
        assertThat(job.path("cleanedJd").asString()).contains("- 3+ years with Kubernetes").doesNotContain("401(k)");
        JsonNode event = JSON.readTree(jdParsed(job.path("id").asString()).value());
        assertThat(event.path("sourceListingId").asString()).isEqualTo(listingId.toString());
        assertThat(event.path("metadata").path("minExperienceYears").asInt()).isEqualTo(3);
    }

    // ------------------------------------------------------------------ helpers

    private static List<ConsumerRecord<String, byte[]>> ofOwner(List<ConsumerRecord<String, byte[]>> records,
                                                                CurrentUser owner) {
        return records.stream().filter(r -> JSON.readTree(r.value()).path("ownerId").asString()
                .equals(owner.id().toString())).toList();
    }

    private static ConsumerRecord<String, byte[]> jdParsed(String jobId) {
        try (TopicReader reader = new TopicReader(SharedInfrastructure.kafka().bootstrapServers(), "job.events")) {
            return reader.readUntil(read -> read.stream().anyMatch(r -> jobId.equals(r.key())), PATIENCE).stream()
                    .filter(r -> jobId.equals(r.key())).findFirst().orElseThrow();
        }
    }

    private JsonNode post(CurrentUser user, Map<String, Object> body, int status) {
        String response = http.post().uri("/api/resumes/jobs").header(HttpHeaders.AUTHORIZATION, users.bearer(user))
                .contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(body)).exchange()
                .expectStatus().isEqualTo(status).returnResult(String.class).getResponseBody();
        return JSON.readTree(response);
    }

    private JsonNode get(CurrentUser user, String path, int status) {
        String response = http.get().uri(path).header(HttpHeaders.AUTHORIZATION, users.bearer(user)).exchange()
                .expectStatus().isEqualTo(status).returnResult(String.class).getResponseBody();
        return JSON.readTree(response);
    }

    static ObjectNode sample(EventType type) {
        try (InputStream in = JobsIntegrationTest.class.getClassLoader().getResourceAsStream(type.sampleResource())) {
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

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
