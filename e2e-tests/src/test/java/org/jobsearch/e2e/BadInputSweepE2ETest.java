package org.jobsearch.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 8, the bad-input sweep: every write endpoint (POST/PUT/PATCH) of every service, enumerated from the running
 * services' OpenAPI documents (plus the gateway's own account endpoints, which have none), receives malformed JSON,
 * a value of the wrong type for each property of its request schema, a body without its required properties and a
 * body over the gateway's limit; every answer must be a 4xx RFC 9457 Problem Details response, never a 5xx, and the
 * field-level ones must name the bad field by JSON pointer. Afterwards the owner's data, read through every GET
 * endpoint, is unchanged: nothing was stored. A second pass puts hostile strings (markup, SQL quotes, NUL, very long
 * strings, bidi controls and emoji, template syntax) into each string property of a valid body: each is stored or
 * refused with a 4xx Problem Details response, never a 5xx. Failures print a table endpoint → case → answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputSweepE2ETest {

    private record Service(String area, int port, String prefix) {
    }

    private static final List<Service> SERVICES = List.of(
            new Service("discovery", 8081, "/api/discovery"),
            new Service("resume", 8082, "/api/resumes"),
            new Service("tracker", 8083, "/api/tracker"),
            new Service("prep", 8084, "/api/prep"));

    /** An operation and its request body's schema per content type (empty: it takes no body). */
    private record Endpoint(String method, String template, Map<String, JsonNode> content) {
        String key() {
            return method + " " + template;
        }
    }

    private record Row(String endpoint, String kase, String actual, boolean failed) {
    }

    /** Path template → variable → key into {@link #ids} (or a literal prefixed {@code =}). */
    private static final Map<String, Map<String, String>> PATH_VARIABLES = new LinkedHashMap<>();

    private static void vars(String template, String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        PATH_VARIABLES.put(template, m);
    }

    static {
        vars("/api/resumes/jobs/{id}", "id", "jobId");
        vars("/api/resumes/jobs/{jobId}/resumes", "jobId", "jobId");
        vars("/api/resumes/{resumeId}", "resumeId", "resumeId");
        vars("/api/resumes/{resumeId}/versions/{version}/pdf", "resumeId", "resumeId", "version", "=1");
        vars("/api/resumes/{resumeId}/versions", "resumeId", "resumeId");
        vars("/api/resumes/{resumeId}/retry", "resumeId", "resumeId");
        // an item id of the rendered resume's content; the body is read and checked before the item is looked up
        vars("/api/resumes/{resumeId}/items/{itemId}", "resumeId", "resumeId", "itemId", "=b1");
        // no user template exists: the body is validated before the (absent) template is looked up, so a bad body is a
        // 400 and a good one a 404
        vars("/api/resumes/templates/{id}", "id", "=" + UUID.randomUUID());
        vars("/api/tracker/jobs/{id}", "id", "jobId");
        vars("/api/tracker/applications/{id}", "id", "applicationId");
        vars("/api/tracker/applications/{id}/status", "id", "applicationId");
        vars("/api/tracker/applications/{id}/outcome", "id", "applicationId");
        vars("/api/tracker/applications/{applicationId}/interviews", "applicationId", "applicationId");
        vars("/api/tracker/applications/{applicationId}/interviews/{interviewId}",
                "applicationId", "applicationId", "interviewId", "interviewId");
        vars("/api/tracker/applications/{applicationId}/interviews/{interviewId}/cancel",
                "applicationId", "applicationId", "interviewId", "interviewId");
        vars("/api/tracker/companies/{name}/applications", "name", "company");
        vars("/api/discovery/companies/{id}", "id", "companyId");
        vars("/api/discovery/companies/{id}/follow", "id", "companyId");
        vars("/api/discovery/search-configs/{id}", "id", "searchConfigId");
        vars("/api/discovery/syncs/{id}", "id", "syncId");
        vars("/api/discovery/listings/{id}/status", "id", "listingId");
        vars("/api/prep/applications/{applicationId}", "applicationId", "applicationId");
        vars("/api/prep/applications/{applicationId}/base/regenerate", "applicationId", "applicationId");
        vars("/api/prep/applications/{applicationId}/base/versions", "applicationId", "applicationId");
        vars("/api/prep/applications/{applicationId}/base/sections/{section}",
                "applicationId", "applicationId", "section", "=formattedJd");
        vars("/api/prep/interviews/{interviewId}/regenerate", "interviewId", "interviewId");
        vars("/api/prep/interviews/{interviewId}/versions", "interviewId", "interviewId");
        vars("/api/prep/interviews/{interviewId}/sections/{section}", "interviewId", "interviewId", "section", "=prepPlan");
        vars("/api/prep/interviews/{interviewId}/debrief", "interviewId", "interviewId");
        vars("/api/accounts/{id}", "id", "accountA");
    }

    /** Writes only an administrator may make: swept as the administrator, so validation is reached. */
    private static final Set<String> ADMIN_WRITES = Set.of("PUT /api/discovery/companies/{id}", "POST /api/accounts",
            "PATCH /api/accounts/{id}");

    /**
     * The gateway's own write endpoints (it publishes no OpenAPI document): their request records as schemas. Kept
     * in step with gateway's AccountController.
     */
    private static final Map<String, String> GATEWAY_WRITES = Map.of(
            "POST /api/accounts", "{\"type\":\"object\",\"required\":[\"username\"],\"properties\":{\"username\":{\"type\":\"string\"},"
                    + "\"password\":{\"type\":\"string\"},\"roles\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}}}",
            "PATCH /api/accounts/{id}", "{\"type\":\"object\",\"required\":[\"enabled\"],\"properties\":{\"enabled\":{\"type\":\"boolean\"}}}",
            "POST /api/me/tokens", "{\"type\":\"object\",\"required\":[\"name\"],\"properties\":{\"name\":{\"type\":\"string\"},"
                    + "\"expiresInDays\":{\"type\":\"integer\"}}}",
            "POST /api/me/password", "{\"type\":\"object\",\"required\":[\"currentPassword\"],\"properties\":{"
                    + "\"currentPassword\":{\"type\":\"string\"},\"newPassword\":{\"type\":\"string\"}}}");

    /**
     * Endpoints whose OpenAPI request schema is not what they read, with the body they do read. Empty: resume's item
     * edit, which reads a raw JSON object, documents its body with an explicit schema (ResumeController).
     */
    private static final Map<String, String> SCHEMA_OVERRIDES = Map.of();

    /** The hostile strings of the second pass. */
    private static final Map<String, String> HOSTILE = new LinkedHashMap<>();

    static {
        HOSTILE.put("markup", "<script>window.__xss=1</script>\"><img src=x onerror=alert(1)><svg onload=alert(1)>");
        HOSTILE.put("sql quotes", "Robert'); DROP TABLE applications;-- ' OR '1'='1 \\\" `x`");
        HOSTILE.put("NUL", "before\u0000after");
        HOSTILE.put("100k chars", "x".repeat(100_000));
        HOSTILE.put("bidi + emoji", "\u202Egnp.exe\u202C \uD83D\uDC69\u200D\uD83D\uDCBB \uD835\uDD18\uD835\uDD2B\uD835\uDD26 \u0645\u0631\u062D\u0628\u0627");
        HOSTILE.put("template syntax", "{{7*7}} ${7*7} #{7*7} <%= 7*7 %>");
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String passwordA = "bad-a-" + UUID.randomUUID();
    private final String userA = "bad-a-" + run;
    private final Map<String, String> ids = new LinkedHashMap<>();
    private String gateway;
    private String basicA;
    private String basicAdmin;
    private List<Endpoint> writes;
    private List<String> reads;

    @BeforeAll
    void ownerWithDataInEveryService() throws Exception {
        gateway = RunningPlatform.url();
        basicAdmin = E2eAccounts.basic(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);
        basicA = E2eAccounts.basic(userA, passwordA);
        HttpResponse<String> account = call(basicAdmin, "POST", "/api/accounts",
                "{\"username\":\"" + userA + "\",\"password\":\"" + passwordA + "\"}");
        assertThat(account.statusCode()).as(account.body()).isEqualTo(201);
        ids.put("accountA", json.readTree(account.body()).path("account").path("id").asString());

        String jd = Files.readString(fixture("jd-platform-engineer.txt")).replace("Litware", "Badinput" + run);
        ids.put("jobId", field(ok(call(basicA, "POST", "/api/resumes/jobs",
                json.createObjectNode().put("jdText", jd).put("source", "company_site").toString())), "id"));
        ok(call(basicA, "PUT", "/api/resumes/experience", Files.readString(fixture("experience-base.json"))));
        ids.put("resumeId", field(ok(call(basicA, "POST", "/api/resumes/jobs/" + ids.get("jobId") + "/resumes",
                "{\"template\":\"engineer\"}")), "id", "resumeId"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            HttpResponse<String> r = call(basicA, "GET", "/api/tracker/jobs/" + ids.get("jobId"), null);
            return r.statusCode() == 200 && json.readTree(r.body()).path("resume").isObject();
        });
        ids.put("company", ok(call(basicA, "GET", "/api/tracker/jobs/" + ids.get("jobId"), null)).path("company").asString());
        ids.put("applicationId", field(ok(call(basicA, "POST", "/api/tracker/applications",
                "{\"jobId\":\"" + ids.get("jobId") + "\"}")), "id"));
        ok(call(basicA, "POST", "/api/tracker/applications/" + ids.get("applicationId") + "/status", "{\"status\":\"callback\"}"));
        ids.put("interviewId", field(ok(call(basicA, "POST", "/api/tracker/applications/" + ids.get("applicationId") + "/interviews",
                interviewBody())), "id"));
        ids.put("searchConfigId", field(ok(call(basicA, "POST", "/api/discovery/search-configs",
                "{\"searchTerm\":\"Badterm " + run + "\",\"active\":true}")), "id"));
        ids.put("companyId", field(ok(call(basicA, "POST", "/api/discovery/companies",
                "{\"careersUrl\":\"https://bad" + run + ".wd5.myworkdayjobs.com/en-US/External\"}")), "id"));
        ok(call(basicA, "PUT", "/api/discovery/companies/" + ids.get("companyId") + "/follow", "{\"excludeTerms\":[]}"));
        ids.put("syncId", field(ok(call(basicA, "POST", "/api/discovery/syncs",
                "{\"companyId\":\"" + ids.get("companyId") + "\",\"max\":1}")), "id"));
        ids.put("listingId", UUID.randomUUID().toString());
        // the prep for the callback and for the interview arrive by events; wait until the generations settled, so
        // the owner's data only changes by the sweep's own requests
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpResponse<String> r = call(basicA, "GET", "/api/prep/applications/" + ids.get("applicationId"), null);
            if (r.statusCode() != 200) {
                return false;
            }
            JsonNode page = json.readTree(r.body());
            boolean interviewPrep = false;
            for (JsonNode i : page.path("interviews")) {
                interviewPrep |= i.path("prep").isObject();
            }
            boolean settled = true;
            for (JsonNode g : page.path("generations")) {
                settled &= Set.of("done", "failed", "skipped").contains(g.path("status").asString());
            }
            return page.path("base").isObject() && interviewPrep && settled;
        });
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() ->
                call(basicA, "GET", "/api/discovery/applied-jobs?size=100", null).body().contains(ids.get("applicationId")));

        writes = new ArrayList<>();
        reads = new ArrayList<>();
        for (Service s : SERVICES) {
            enumerate(s);
        }
        for (Map.Entry<String, String> w : GATEWAY_WRITES.entrySet()) {
            String[] parts = w.getKey().split(" ", 2);
            writes.add(new Endpoint(parts[0], parts[1], Map.of("application/json", json.readTree(w.getValue()))));
        }
        reads.add("/api/me");
        reads.add("/api/me/tokens");
    }

    // ---- 1. malformed, wrong types, missing, huge: refused, named, nothing stored ----------------------------------

    @Test
    @Order(1)
    void everyWriteEndpointRefusesBadInputWithProblemDetailsNamingTheFieldAndStoresNothing() throws Exception {
        List<Row> rows = new ArrayList<>();
        Map<String, String> before = snapshot();
        Map<String, String> again = snapshot();
        Set<String> stable = new LinkedHashSet<>();
        for (String path : before.keySet()) {
            if (sameDocument(before.get(path), again.get(path))) {
                stable.add(path);
            } else {
                rows.add(new Row("GET " + path, "snapshot", "changes by itself: not compared", false));
            }
        }
        assertThat(stable).as("owner's reads that can show a change").hasSizeGreaterThan(20);

        int cases = 0;
        for (Endpoint e : writes) {
            Optional<String> path = fill(e, rows);
            if (path.isEmpty()) {
                continue;
            }
            String auth = ADMIN_WRITES.contains(e.key()) ? basicAdmin : basicA;
            if (e.content().isEmpty()) {
                // takes no body: the gateway's limit still refuses a huge one before anything reads it
                expectTooLarge(rows, e, auth, path.get(), "application/json");
                cases++;
                continue;
            }
            for (Map.Entry<String, JsonNode> content : e.content().entrySet()) {
                String type = content.getKey();
                if (type.contains("json")) {
                    cases += sweepJson(rows, e, auth, path.get(), resolve(content.getValue()));
                } else if (type.equals("text/csv")) {
                    cases += sweepCsv(rows, e, auth, path.get());
                } else if (type.equals("multipart/form-data")) {
                    cases += sweepMultipart(rows, e, auth, path.get());
                } else {
                    rows.add(new Row(e.key(), "content type " + type, "no cases for it: add them", true));
                }
            }
        }

        Map<String, String> after = snapshot();
        for (String path : stable) {
            boolean same = sameDocument(before.get(path), after.get(path));
            rows.add(new Row("GET " + path, "unchanged (nothing stored)", same ? "unchanged" : "CHANGED: "
                    + abbreviate(after.get(path)), !same));
        }
        System.out.printf("bad-input sweep: %d write endpoints, %d cases, %d reads compared%n%s", writes.size(), cases,
                stable.size(), table(rows));
        assertThat(rows.stream().filter(Row::failed).toList()).as("failed rows:%n%s", table(rows.stream()
                .filter(Row::failed).toList())).isEmpty();
        assertThat(cases).as("cases swept").isGreaterThan(100);
    }

    private int sweepJson(List<Row> rows, Endpoint e, String auth, String path, JsonNode schema) throws Exception {
        int cases = 0;
        for (String malformed : List.of("{\"unterminated\": ", "{'single': 'quotes'}", "not json at all", "\u0000\u0001\u0002")) {
            HttpResponse<String> r = call(auth, e.method(), path, malformed, "application/json");
            judge(rows, e, "malformed JSON " + abbreviate(malformed), r, List.of());
            cases++;
        }
        if (!"object".equals(type(schema))) {
            // an array body (a bulk list): an object is a wrong type too
            judge(rows, e, "object instead of " + type(schema), call(auth, e.method(), path, "{\"a\":1}", "application/json"),
                    List.of());
            expectTooLarge(rows, e, auth, path, "application/json");
            return cases + 2;
        }
        judge(rows, e, "array instead of object", call(auth, e.method(), path, "[1,2]", "application/json"), List.of());
        cases++;
        ObjectNode valid = validBody(e, rows);
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            JsonNode propertySchema = resolve(property.getValue());
            Optional<JsonNode> wrong = wrongValue(propertySchema);
            if (wrong.isEmpty()) {
                continue;
            }
            ObjectNode body = valid == null ? json.createObjectNode() : valid.deepCopy();
            body.set(property.getKey(), wrong.get());
            HttpResponse<String> r = call(auth, e.method(), path, body.toString(), "application/json");
            judge(rows, e, "/" + property.getKey() + " as " + wrong.get() + " (" + type(propertySchema) + " expected)", r,
                    List.of("/" + property.getKey()));
            cases++;
        }
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(n -> required.add("/" + n.asString()));
        if (!required.isEmpty()) {
            HttpResponse<String> r = call(auth, e.method(), path, "{}", "application/json");
            judge(rows, e, "{} without required " + required, r, required);
            cases++;
        }
        expectTooLarge(rows, e, auth, path, "application/json");
        return cases + 1;
    }

    private int sweepCsv(List<Row> rows, Endpoint e, String auth, String path) throws Exception {
        String imports = path + "?dryRun=false";
        judge(rows, e, "binary with NUL as CSV", callBytes(auth, e.method(), imports,
                new byte[]{0, 1, 2, (byte) 0xff, (byte) 0xfe, 0, 10, 0}, "text/csv"), null);
        judge(rows, e, "CSV with unknown columns only", call(auth, e.method(), imports,
                "Foo,Bar\n1,2\n", "text/csv"), null);
        judge(rows, e, "empty CSV", call(auth, e.method(), imports, "", "text/csv"), null);
        // over the tracker's own 2MB limit, within the gateway's
        byte[] big = ("Company,Title,Applied\n" + "Bigcorp,Analyst,2024-01-02\n".repeat(120_000)).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> tooBig = callBytes(auth, e.method(), imports, big, "text/csv");
        rows.add(new Row(e.key(), "3MB CSV (over the tracker's 2MB)", status(tooBig),
                tooBig.statusCode() != 413 || !isProblem(tooBig)));
        expectTooLarge(rows, e, auth, imports, "text/csv");
        return 5;
    }

    private int sweepMultipart(List<Row> rows, Endpoint e, String auth, String path) throws Exception {
        String imports = path + "?dryRun=false";
        judge(rows, e, "multipart without boundary", call(auth, e.method(), imports, "--x\r\n\r\n", "multipart/form-data"), null);
        judge(rows, e, "multipart without the file part", call(auth, e.method(), imports,
                "--b\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--b--\r\n", "multipart/form-data; boundary=b"),
                List.of());
        judge(rows, e, "multipart file with NUL bytes", call(auth, e.method(), imports,
                "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                        + "\u0000\u0001,\u0000\r\n--b--\r\n", "multipart/form-data; boundary=b"), null);
        String bigFile = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                + "Company,Title,Applied\n" + "Bigcorp,Analyst,2024-01-02\n".repeat(120_000) + "\r\n--b--\r\n";
        HttpResponse<String> tooBig = call(auth, e.method(), imports, bigFile, "multipart/form-data; boundary=b");
        rows.add(new Row(e.key(), "3MB multipart file (over the tracker's 2MB)", status(tooBig),
                tooBig.statusCode() != 413 || !isProblem(tooBig)));
        expectTooLarge(rows, e, auth, imports, "multipart/form-data; boundary=b");
        return 5;
    }

    private void expectTooLarge(List<Row> rows, Endpoint e, String auth, String path, String contentType) throws Exception {
        byte[] huge = new byte[5 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'a');
        huge[0] = '"';
        huge[huge.length - 1] = '"';
        HttpResponse<String> r = callBytes(auth, e.method(), path, huge, contentType);
        rows.add(new Row(e.key(), "5MB body", status(r), r.statusCode() != 413 || !isProblem(r)));
    }

    /**
     * A 4xx Problem Details answer; with {@code pointers} not null, only 400/422, and (when not empty) each pointer
     * (or one beneath it) in {@code errors}. With {@code pointers} null (a CSV import), a 2xx report is fine too.
     */
    private void judge(List<Row> rows, Endpoint e, String kase, HttpResponse<String> r, List<String> pointers) {
        int status = r.statusCode();
        List<String> problems = new ArrayList<>();
        if (pointers == null && status / 100 == 2) {
            rows.add(new Row(e.key(), kase, status(r) + " (a report)", false));
            return;
        }
        if (status / 100 != 4) {
            problems.add("not a 4xx");
        } else if (!isProblem(r)) {
            problems.add("not application/problem+json");
        }
        if (pointers != null && status != 400 && status != 422 && status != 413) {
            problems.add("not 400/422");
        }
        List<String> named = new ArrayList<>();
        if (isProblem(r)) {
            for (JsonNode error : json.readTree(r.body()).path("errors")) {
                if (error.hasNonNull("pointer")) {
                    named.add(error.get("pointer").asString());
                }
            }
        }
        if (pointers != null) {
            for (String pointer : pointers) {
                if (named.stream().noneMatch(n -> n.equals(pointer) || n.startsWith(pointer + "/"))) {
                    problems.add("does not name " + pointer);
                }
            }
        }
        rows.add(new Row(e.key(), kase, status(r) + (named.isEmpty() ? "" : " " + named)
                + (problems.isEmpty() ? "" : " ✗ " + String.join(", ", problems) + ": " + abbreviate(r.body())),
                !problems.isEmpty()));
    }

    // ---- 2. hostile strings: stored or refused, never a 5xx ---------------------------------------------------------

    @Test
    @Order(2)
    void hostileStringsInEveryStringPropertyAreStoredOrRefusedNeverA5xx() throws Exception {
        List<Row> rows = new ArrayList<>();
        int cases = 0;
        for (Endpoint e : writes) {
            JsonNode schemaNode = e.content().get("application/json");
            Optional<String> path = fill(e, rows);
            if (schemaNode == null || path.isEmpty() || e.key().equals("POST /api/me/password")) {
                continue; // a wrong current password: refused before any string is looked at
            }
            JsonNode schema = resolve(schemaNode);
            ObjectNode valid = validBody(e, rows);
            if (valid == null) {
                continue;
            }
            String auth = ADMIN_WRITES.contains(e.key()) ? basicAdmin : basicA;
            for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                JsonNode p = resolve(property.getValue());
                boolean string = "string".equals(type(p));
                boolean strings = "array".equals(type(p)) && "string".equals(type(resolve(p.path("items"))));
                if (!string && !strings) {
                    continue;
                }
                for (Map.Entry<String, String> vector : HOSTILE.entrySet()) {
                    ObjectNode body = valid.deepCopy();
                    if (string) {
                        body.put(property.getKey(), vector.getValue());
                    } else {
                        body.set(property.getKey(), json.createArrayNode().add(vector.getValue()));
                    }
                    HttpResponse<String> r = call(auth, e.method(), path.get(), body.toString(), "application/json");
                    boolean good = r.statusCode() / 100 == 2 || (r.statusCode() / 100 == 4 && isProblem(r));
                    rows.add(new Row(e.key(), "/" + property.getKey() + " " + vector.getKey(),
                            status(r) + (good ? "" : " ✗ " + abbreviate(r.body())), !good));
                    cases++;
                }
            }
        }
        // the CSV import takes the same strings in its cells
        for (Map.Entry<String, String> vector : HOSTILE.entrySet()) {
            String cell = "\"" + vector.getValue().replace("\"", "\"\"") + "\"";
            HttpResponse<String> r = call(basicA, "POST", "/api/tracker/imports?dryRun=true",
                    "Company,Title,Applied\n" + cell + "," + cell + ",2024-01-02\n", "text/csv");
            boolean good = r.statusCode() / 100 == 2 || (r.statusCode() / 100 == 4 && isProblem(r));
            rows.add(new Row("POST /api/tracker/imports", "cells " + vector.getKey(), status(r)
                    + (good ? "" : " ✗ " + abbreviate(r.body())), !good));
            cases++;
        }
        System.out.printf("hostile-string sweep: %d cases%n%s", cases, table(rows));
        assertThat(rows.stream().filter(Row::failed).toList()).as("failed rows:%n%s", table(rows.stream()
                .filter(Row::failed).toList())).isEmpty();
        assertThat(cases).as("cases swept").isGreaterThan(100);
    }

    // ---- request bodies ----------------------------------------------------------------------------------------------

    /** A valid body for the endpoint (the base the wrong-type and hostile cases change one property of). */
    private ObjectNode validBody(Endpoint e, List<Row> rows) {
        String today = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        String config = "{\"searchTerm\":\"Valid " + UUID.randomUUID() + "\",\"relatedTerms\":[],\"excludeTerms\":[],"
                + "\"locationFilters\":[],\"active\":true}";
        String body = switch (e.key()) {
            case "POST /api/resumes/jobs" -> "{\"jdText\":\"Python engineer wanted at Validcorp.\\n- Python\\n- SQL\",\"source\":\"linkedin\"}";
            case "POST /api/resumes/jobs/{jobId}/resumes" -> "{\"template\":\"engineer\"}";
            // parse only (generate false): the job without the whole pipeline
            case "POST /api/resumes" -> "{\"jdText\":\"Go engineer wanted at Validcorp.\\n- Go\\n- SQL\",\"source\":\"linkedin\","
                    + "\"generate\":false}";
            // the template validator refuses this (no slots): every case is a 4xx, which is what is swept
            case "POST /api/resumes/templates", "PUT /api/resumes/templates/{id}" -> "{\"name\":\"Valid\",\"targetRole\":\"backend\","
                    + "\"html\":\"<html><body><p>x</p></body></html>\",\"styleVariant\":\"standard\"}";
            case "PATCH /api/resumes/{resumeId}/items/{itemId}" -> "{\"exclude\":false}";
            case "PUT /api/resumes/profile" -> "{\"name\":\"Val Id\",\"email\":\"val@example.com\"}";
            case "PUT /api/resumes/experience" -> "{\"roles\":[]}";
            case "POST /api/resumes/experience/import/json-resume" -> "{\"basics\":{\"name\":\"Val Id\"},\"work\":[]}";
            case "POST /api/tracker/jobs", "PUT /api/tracker/jobs/{id}" ->
                    "{\"source\":\"company_site\",\"company\":\"Validcorp\",\"listingJobTitle\":\"Engineer\"}";
            case "POST /api/tracker/applications" -> "{\"jobId\":\"" + ids.get("jobId") + "\"}";
            case "POST /api/tracker/applications/{id}/status" -> "{\"status\":\"callback\"}";
            case "PATCH /api/tracker/applications/{id}" -> "{\"desiredSalary\":99000}";
            case "PUT /api/tracker/applications/{id}/outcome" -> "{\"outcome\":\"offer\",\"date\":\"" + today + "\",\"notes\":\"ok\"}";
            case "POST /api/tracker/applications/{applicationId}/interviews",
                 "PUT /api/tracker/applications/{applicationId}/interviews/{interviewId}" -> interviewBody();
            case "PUT /api/tracker/settings" -> "{\"locationGroups\":[{\"name\":\"Valid\",\"patterns\":[\"Validtown\"]}],"
                    + "\"minSalaryBase\":100000,\"maxSalaryBase\":150000,\"salaryStep\":20000}";
            case "POST /api/discovery/companies", "PUT /api/discovery/companies/{id}" ->
                    "{\"careersUrl\":\"https://valid" + run + ".wd5.myworkdayjobs.com/en-US/External\"}";
            case "PUT /api/discovery/companies/{id}/follow" -> "{\"excludeTerms\":[]}";
            case "POST /api/discovery/search-configs", "PUT /api/discovery/search-configs/{id}" -> config;
            case "PUT /api/discovery/listings/{id}/status" -> "{\"status\":\"dismissed\"}";
            case "POST /api/discovery/listings/bulk-dismiss" -> "{\"fromStatus\":\"new\"}";
            case "POST /api/discovery/syncs" -> "{\"companyId\":\"" + UUID.randomUUID() + "\",\"max\":1}";
            case "PUT /api/prep/applications/{applicationId}/base/sections/{section}",
                 "PUT /api/prep/interviews/{interviewId}/sections/{section}" -> "{\"markdown\":\"Valid notes\"}";
            case "PUT /api/prep/interviews/{interviewId}/debrief" -> "{\"questionsAsked\":\"Q?\",\"selfReflection\":\"R.\"}";
            case "POST /api/accounts" -> "{\"username\":\"valid-" + UUID.randomUUID().toString().substring(0, 8)
                    + "\",\"password\":\"a-valid-long-password\"}";
            case "PATCH /api/accounts/{id}" -> "{\"enabled\":true}";
            case "POST /api/me/tokens" -> "{\"name\":\"valid\"}";
            case "POST /api/me/password" -> "{\"currentPassword\":\"" + passwordA + "\",\"newPassword\":\"" + passwordA + "\"}";
            default -> null;
        };
        if (body == null) {
            rows.add(new Row(e.key(), "a valid body in BadInputSweepE2ETest.validBody", "none: add one", true));
            return null;
        }
        return (ObjectNode) json.readTree(body);
    }

    private String interviewBody() {
        String later = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        return json.createObjectNode().put("stage", "technical_screen").put("format", "virtual_meeting").put("focus", "coding")
                .put("interviewerName", "Ina Valid").put("scheduledAt", later).put("notes", "Zoom").toString();
    }

    /** A value of another JSON type than the schema's; empty where any JSON value is acceptable. */
    private Optional<JsonNode> wrongValue(JsonNode schema) {
        return switch (type(schema)) {
            case "string" -> Optional.of(json.createObjectNode().put("not", "a string"));
            case "integer", "number" -> Optional.of(json.getNodeFactory().stringNode("not-a-number"));
            case "boolean" -> Optional.of(json.getNodeFactory().stringNode("not-a-boolean"));
            case "array" -> Optional.of(json.getNodeFactory().stringNode("not-an-array"));
            case "object" -> schema.has("properties")
                    ? Optional.of(json.createArrayNode().add("not-an-object")) : Optional.empty();
            default -> Optional.empty();
        };
    }

    // ---- OpenAPI ------------------------------------------------------------------------------------------------------

    private final Map<String, JsonNode> components = new LinkedHashMap<>();

    private void enumerate(Service s) throws Exception {
        URI uri = URI.create("http://localhost:" + RunningPlatform.servicePort(s.port()) + "/v3/api-docs");
        HttpResponse<String> doc = http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(doc.statusCode()).as("GET %s", uri).isEqualTo(200);
        JsonNode root = json.readTree(doc.body());
        for (Map.Entry<String, JsonNode> schema : root.path("components").path("schemas").properties()) {
            // services may name two different records alike: keep each service's own
            components.put(s.area() + ":" + schema.getKey(), schema.getValue());
        }
        for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
            String template = path.getKey();
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String method = op.getKey().toUpperCase(Locale.ROOT);
                if (template.contains("/admin/")) {
                    continue; // the dead-letter API: admin only, no bodies (IsolationSweepE2ETest covers its access)
                }
                if (method.equals("GET")) {
                    if (!template.endsWith(".ics")) {
                        reads.add(template);
                    }
                } else if (Set.of("POST", "PUT", "PATCH").contains(method)) {
                    Map<String, JsonNode> content = new LinkedHashMap<>();
                    for (Map.Entry<String, JsonNode> c : op.getValue().path("requestBody").path("content").properties()) {
                        content.put(c.getKey(), tagged(s, c.getValue().path("schema")));
                    }
                    String override = SCHEMA_OVERRIDES.get(method + " " + template);
                    if (override != null) {
                        content.put("application/json", tagged(s, json.readTree(override)));
                    }
                    writes.add(new Endpoint(method, template, content));
                }
            }
        }
    }

    /** The schema with its service noted, so its {@code $ref}s resolve in that service's components. */
    private JsonNode tagged(Service s, JsonNode schema) {
        ObjectNode copy = schema.isObject() ? ((ObjectNode) schema).deepCopy() : json.createObjectNode();
        copy.put("x-service", s.area());
        return copy;
    }

    private JsonNode resolve(JsonNode schema) {
        String service = schema.path("x-service").asString("");
        JsonNode current = schema;
        for (int i = 0; i < 5 && current.has("$ref"); i++) {
            String name = current.get("$ref").asString().replace("#/components/schemas/", "");
            JsonNode target = components.get(service + ":" + name);
            if (target == null) {
                break;
            }
            current = target;
        }
        if (current.has("allOf") && current.get("allOf").size() == 1) {
            current = current.get("allOf").get(0);
            if (current.has("$ref")) {
                return resolve(withService(current, service));
            }
        }
        return withService(current, service);
    }

    private JsonNode withService(JsonNode schema, String service) {
        ObjectNode copy = schema.isObject() ? ((ObjectNode) schema).deepCopy() : json.createObjectNode();
        copy.put("x-service", service);
        // nested schemas resolve in the same service
        if (copy.get("properties") instanceof ObjectNode props) {
            for (Map.Entry<String, JsonNode> p : new ArrayList<>(props.properties())) {
                if (p.getValue() instanceof ObjectNode o) {
                    o.put("x-service", service);
                }
            }
        }
        if (copy.get("items") instanceof ObjectNode items) {
            items.put("x-service", service);
        }
        return copy;
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asString())) {
                    return t.asString();
                }
            }
        }
        if (type.isString()) {
            return type.asString();
        }
        if (schema.has("properties")) {
            return "object";
        }
        if (schema.has("enum")) {
            return "string";
        }
        return "";
    }

    // ---- the owner's data, read through every GET ---------------------------------------------------------------------

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    private Optional<String> fill(Endpoint e, List<Row> rows) {
        Optional<String> path = fill(e.template());
        if (path.isEmpty()) {
            rows.add(new Row(e.key(), "path variables mapped in BadInputSweepE2ETest.PATH_VARIABLES", "unmapped", true));
        }
        return path;
    }

    private Optional<String> fill(String template) {
        Matcher m = VARIABLE.matcher(template);
        Map<String, String> known = PATH_VARIABLES.getOrDefault(template, Map.of());
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String key = known.get(m.group(1));
            String value = key == null ? null : key.startsWith("=") ? key.substring(1) : ids.get(key);
            if (value == null) {
                return Optional.empty();
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
        }
        m.appendTail(sb);
        return Optional.of(sb.toString());
    }

    private Map<String, String> snapshot() throws Exception {
        Map<String, String> result = new LinkedHashMap<>();
        for (String template : reads) {
            Optional<String> path = fill(template);
            if (path.isEmpty()) {
                continue;
            }
            String query = template.equals("/api/tracker/metrics/deep-dive") ? "?dimension=role" : "";
            HttpResponse<String> r = call(basicA, "GET", path.get() + query, null);
            if (r.statusCode() == 200) {
                result.put(path.get() + query, r.body());
            }
        }
        return result;
    }

    private boolean sameDocument(String before, String after) {
        if (before == null || after == null) {
            return before == after;
        }
        try {
            return json.readTree(before).equals(json.readTree(after));
        } catch (RuntimeException notJson) {
            return before.equals(after);
        }
    }

    // ---- HTTP -------------------------------------------------------------------------------------------------------

    private HttpResponse<String> call(String auth, String method, String path, String body) throws Exception {
        return call(auth, method, path, body, "application/json");
    }

    private HttpResponse<String> call(String auth, String method, String path, String body, String contentType) throws Exception {
        return callBytes(auth, method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), contentType);
    }

    private HttpResponse<String> callBytes(String auth, String method, String path, byte[] body, String contentType)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        if (body != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return retrying(() -> http.send(b.build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static <T> T retrying(Callable<T> call) throws Exception {
        try {
            return call.call();
        } catch (java.io.IOException e) {
            return call.call(); // one retry for a connection the server closed between requests
        }
    }

    private static boolean isProblem(HttpResponse<String> r) {
        return r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
    }

    private JsonNode ok(HttpResponse<String> r) {
        assertThat(r.statusCode() / 100).as("%s %s: %s", r.request().method(), r.request().uri(), r.body()).isEqualTo(2);
        return json.readTree(r.body());
    }

    private static String field(JsonNode node, String... names) {
        for (String name : names) {
            if (node.hasNonNull(name)) {
                return node.get(name).asString();
            }
        }
        throw new AssertionError("none of " + List.of(names) + " in " + node);
    }

    private static String status(HttpResponse<String> r) {
        return String.valueOf(r.statusCode());
    }

    private static String abbreviate(String s) {
        String one = s == null ? "" : s.replaceAll("[\\s\\p{Cntrl}]+", " ");
        return one.length() > 160 ? one.substring(0, 160) + "…" : one;
    }

    private static Path fixture(String name) {
        try {
            return Path.of(BadInputSweepE2ETest.class.getResource("/fixtures/" + name).toURI());
        } catch (java.net.URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource /fixtures/" + name + " is missing", e);
        }
    }

    private static String table(List<Row> rows) {
        int w1 = Math.max(8, rows.stream().mapToInt(r -> r.endpoint().length()).max().orElse(8));
        int w2 = Math.min(70, Math.max(8, rows.stream().mapToInt(r -> r.kase().length()).max().orElse(8)));
        StringBuilder sb = new StringBuilder();
        String fmt = "%-4s %-" + w1 + "s | %-" + w2 + "s | %s%n";
        sb.append(String.format(fmt, "", "endpoint", "case", "answer"));
        for (Row r : rows) {
            String kase = r.kase().length() > 70 ? r.kase().substring(0, 69) + "…" : r.kase();
            sb.append(String.format(fmt, r.failed() ? "FAIL" : "ok", r.endpoint(), kase, r.actual()));
        }
        return sb.toString();
    }
}
