package org.jobsearch.prep.preparation;

import org.flywaydb.core.Flyway;
import org.jobsearch.events.EventType;
import org.jobsearch.events.JdParsed;
import org.jobsearch.events.ResumeRendered;
import org.jobsearch.llm.LlmAutoConfiguration;
import org.jobsearch.llm.LlmClient;
import org.jobsearch.testkit.LlmProviderStub;
import org.jobsearch.testkit.LlmProviderStub.AnthropicPrompt;
import org.jobsearch.testkit.LlmProviderStub.Reply;
import org.jobsearch.testkit.PostgresServer;
import org.jobsearch.testkit.SharedInfrastructure;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Cost of one interview prep (the base prep, then one interview's prep) by the rules of
 * {@code /work/shared/fixtures/benchmark/README.md}, against the original tool's measured averages (7,992 input and
 * 22,106 output tokens, ≈ $0.355).
 *
 * <p>The real {@link LlmPrepGenerator} on llm-support's real Anthropic client (langchain4j), pointed at a local stub of
 * the streaming Messages API that keeps every request body and counts it by the README's rules:
 * <ul>
 *   <li>input tokens = ceil(characters ÷ 3.5) of the text the client sends (system blocks and messages; no tools are
 *   sent);</li>
 *   <li>the cached prefix is the system prompt up to its {@code cache_control} block; it counts as a cache write the
 *   first time and as a cache read when a previous call of this prep wrote the same prefix, and only if it is at
 *   least 1,024 tokens; everything else is uncached input;</li>
 *   <li>output = the request's {@code max_tokens} (the stub streams that much text, every section present, and reports
 *   it), prices Claude Sonnet 4.5: $3/MTok input, $15/MTok output, cache writes 1.25×, reads 0.1×.</li>
 * </ul>
 * Run cold: a fresh stub (no provider cache) and a fresh ledger database. Inputs: the fixture JD
 * ({@code jd-platform-engineer.txt}) and a resume of the fixture's 4 roles, one bullet per project (16), with the 16
 * projects; one technical screen (system design) with a staff engineer, no earlier rounds.
 *
 * <pre>
 * ./mvnw -o -B -q -pl interview-prep-service test-compile org.codehaus.mojo:exec-maven-plugin:3.7.0:java \
 *     -Dexec.classpathScope=test -Dexec.mainClass=org.jobsearch.prep.preparation.PrepCostBenchmark \
 *     -Dexec.cleanupDaemonThreads=false
 * </pre>
 * Options: {@code -Dbench.fixtures=/work/shared/fixtures/benchmark}, {@code -Dbench.baseMaxTokens=} and
 * {@code -Dbench.interviewMaxTokens=} (default: the service's defaults from {@link PrepProperties}).
 */
public final class PrepCostBenchmark {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final double CHARS_PER_TOKEN = 3.5;
    static final int MIN_CACHE_TOKENS = 1024;
    static final BigDecimal INPUT = new BigDecimal("3.00");
    static final BigDecimal OUTPUT = new BigDecimal("15.00");
    static final BigDecimal WRITE = new BigDecimal("1.25");
    static final BigDecimal READ = new BigDecimal("0.1");
    static final long BASELINE_IN = 7_992;
    static final long BASELINE_OUT = 22_106;

    public static void main(String[] args) throws Exception {
        Path fixtures = Path.of(System.getProperty("bench.fixtures", "/work/shared/fixtures/benchmark"));
        int baseBudget = Integer.getInteger("bench.baseMaxTokens", defaultBudget("baseMaxOutputTokens"));
        int interviewBudget = Integer.getInteger("bench.interviewMaxTokens", defaultBudget("interviewMaxOutputTokens"));

        PostgresServer postgres = SharedInfrastructure.postgres();
        String database = postgres.createDatabase("prep_cost");
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(),
                postgres.jdbcUrl(database), postgres.username(), postgres.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/llm").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);

        JdParsed job = job(fixtures.resolve("jd-platform-engineer.txt"));
        ResumeRendered.Content resume = resume(fixtures.resolve("experience-base.json"));
        UUID owner = UUID.randomUUID();
        UUID applicationId = UUID.randomUUID();
        PrepGenerator.Interview interview = new PrepGenerator.Interview(UUID.randomUUID(), "technical_screen",
                "virtual_meeting", "system_design", "Ada Lovelace", "Staff Engineer",
                Instant.parse("2026-12-01T17:00:00Z"));

        Counting counting = new Counting();
        try (LlmProviderStub stub = LlmProviderStub.start().respondWith(counting::answer)) {
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(LlmAutoConfiguration.class))
                    .withBean(JdbcTemplate.class, () -> jdbc)
                    .withPropertyValues("jobsearch.llm.provider=anthropic", "jobsearch.llm.api-key=sk-ant-stub",
                            "jobsearch.llm.base-url=" + stub.url() + "/v1/", "jobsearch.llm.max-retries=0",
                            "jobsearch.llm.budget.monthly-usd=100")
                    .run(context -> {
                        LlmPrepGenerator generator = new LlmPrepGenerator(context.getBean(LlmClient.class),
                                baseBudget, interviewBudget);
                        PrepGenerator.Generated base = generator.base(
                                new PrepGenerator.BaseInput(owner, applicationId, job, resume));
                        generator.interview(new PrepGenerator.InterviewInput(owner, applicationId, job, resume,
                                base.sections(), interview, List.of()));
                    });
        }

        check(counting.calls.size() == 2, "expected 2 calls (no repair), got " + counting.calls.size());
        checkAsksForEverySection(counting.calls);
        print(counting.calls, jdbc, owner, baseBudget, interviewBudget);
    }

    private static void print(List<Call> calls, JdbcTemplate jdbc, UUID owner, int baseBudget, int interviewBudget) {
        System.out.println("Interview prep cost — base prep + one interview prep, real LlmPrepGenerator on"
                + " llm-support's Anthropic client (langchain4j) against a counting stub");
        System.out.printf("Rules: input = ceil(chars / %.1f); cached prefix (system up to cache_control) only if ≥ %,d"
                + " tokens and written earlier in this prep; output = max_tokens%n", CHARS_PER_TOKEN, MIN_CACHE_TOKENS);
        System.out.printf("Prices: $%s/MTok input, $%s/MTok output, cache write %s×, cache read %s× input%n",
                INPUT, OUTPUT, WRITE, READ);
        System.out.printf("Budgets (max_tokens): base %,d, interview %,d%n%n", baseBudget, interviewBudget);
        System.out.printf("%-15s %9s %9s %10s %10s %9s %10s%n", "call", "chars", "uncached", "cacheWrite",
                "cacheRead", "output", "cost USD");
        long in = 0;
        long write = 0;
        long read = 0;
        long out = 0;
        BigDecimal total = BigDecimal.ZERO;
        for (Call c : calls) {
            System.out.printf("%-15s %,9d %,9d %,10d %,10d %,9d %10.5f%n", c.purpose, c.chars, c.uncached,
                    c.cacheWrite, c.cacheRead, c.output, c.cost());
            in += c.uncached;
            write += c.cacheWrite;
            read += c.cacheRead;
            out += c.output;
            total = total.add(c.cost());
        }
        System.out.printf("%-15s %9s %,9d %,10d %,10d %,9d %10.5f%n", "total", "", in, write, read, out, total);
        BigDecimal baseline = price(BASELINE_IN, 0, 0, BASELINE_OUT);
        System.out.printf("%nInput tokens sent (uncached + cache write + cache read): %,d; output: %,d%n",
                in + write + read, out);
        System.out.printf("Baseline (original tool's averages): %,d in, %,d out = $%.5f%n", BASELINE_IN, BASELINE_OUT,
                baseline);
        BigDecimal ledger = jdbc.queryForObject("select sum(cost_usd) from llm_call where owner_id = ?",
                BigDecimal.class, owner);
        System.out.printf("llm-support ledger for these calls: $%.5f (%s)%n", ledger,
                ledger.subtract(total).abs().compareTo(new BigDecimal("0.00001")) <= 0 ? "agrees"
                        : "DIFFERS from the benchmark's count");
        double ratio = total.doubleValue() / baseline.doubleValue();
        System.out.printf("Ours / baseline: $%.5f / $%.5f = %.1f %% (target ≤ 50 %%: %s)%n", total, baseline,
                ratio * 100, ratio <= 0.5 ? "met" : "MISSED");
    }

    /** The prompts must still ask for every section of the reference, and for 3-5 predicted questions with STAR. */
    private static void checkAsksForEverySection(List<Call> calls) {
        for (PrepSection section : PrepSection.values()) {
            Call call = calls.get(section.isBase() ? 0 : 1);
            check(call.text.contains(section.heading()), call.purpose + " does not ask for " + section.heading());
        }
        check(calls.get(1).text.contains("3-5 questions") && calls.get(1).text.contains("STAR answer"),
                "the interview prompt does not ask for 3-5 predicted questions with STAR answers");
    }

    static BigDecimal price(long uncached, long cacheWrite, long cacheRead, long output) {
        BigDecimal million = BigDecimal.valueOf(1_000_000);
        return INPUT.multiply(BigDecimal.valueOf(uncached))
                .add(INPUT.multiply(WRITE).multiply(BigDecimal.valueOf(cacheWrite)))
                .add(INPUT.multiply(READ).multiply(BigDecimal.valueOf(cacheRead)))
                .add(OUTPUT.multiply(BigDecimal.valueOf(output)))
                .divide(million, 8, java.math.RoundingMode.HALF_UP);
    }

    static long tokens(long chars) {
        return (long) Math.ceil(chars / CHARS_PER_TOKEN);
    }

    // ------------------------------------------------------------------------------------------------ inputs

    /** The service's default budget, read off {@link PrepProperties}' {@code @DefaultValue}s. */
    private static int defaultBudget(String component) {
        var components = PrepProperties.class.getRecordComponents();
        var parameters = PrepProperties.class.getDeclaredConstructors()[0].getParameters();
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(component)) {
                return Integer.parseInt(parameters[i].getAnnotation(
                        org.springframework.boot.context.properties.bind.DefaultValue.class).value()[0]);
            }
        }
        throw new IllegalStateException(component);
    }

    private static JdParsed job(Path jd) throws IOException {
        try (InputStream in = PrepCostBenchmark.class.getClassLoader()
                .getResourceAsStream(EventType.JD_PARSED.sampleResource())) {
            ObjectNode event = (ObjectNode) JSON.readTree(in);
            String text = Files.readString(jd);
            event.put("rawJd", text);
            event.put("cleanedJd", text);
            return JSON.treeToValue(event, JdParsed.class);
        }
    }

    /** The fixture's 4 roles, one bullet per project (an action and its first outcome), with all 16 projects. */
    private static ResumeRendered.Content resume(Path experience) throws IOException {
        JsonNode base = JSON.readTree(Files.readString(experience));
        ObjectNode content = JSON.createObjectNode();
        ArrayNode roles = content.putArray("roles");
        ArrayNode projects = content.putArray("projects");
        Set<String> tools = new java.util.TreeSet<>();
        for (JsonNode role : base.path("roles")) {
            ObjectNode r = roles.addObject();
            String roleKey = role.path("key").asString();
            r.put("roleKey", roleKey).put("company", role.path("company").asString())
                    .put("title", role.path("title").asString()).put("start", role.path("startDate").asString())
                    .put("location", role.path("location").asString());
            if (!role.path("endDate").isNull()) {
                r.put("end", role.path("endDate").asString());
            }
            ArrayNode bullets = r.putArray("bullets");
            for (JsonNode project : role.path("projects")) {
                String key = roleKey + "." + project.path("shortName").asString().toLowerCase().replaceAll("\\W+", "_");
                JsonNode actions = project.path("actions");
                String action = actions.path(actions.size() > 1 ? 1 : 0).asString();
                String outcome = project.path("outcomes").path(0).asString();
                bullets.addObject().put("text", action + ", " + Character.toLowerCase(outcome.charAt(0))
                        + outcome.substring(1)).put("projectKey", key);
                ObjectNode p = projects.addObject();
                p.put("key", key).put("name", project.path("shortName").asString())
                        .put("problemContext", project.path("problemContext").asString());
                p.set("actions", project.path("actions"));
                p.set("tools", project.path("tools"));
                p.set("outcomes", project.path("outcomes"));
                project.path("tools").forEach(t -> tools.add(t.asString()));
            }
        }
        ArrayNode skills = content.putArray("skills");
        ObjectNode line = skills.addObject().put("category", "Technical Skills");
        ArrayNode names = line.putArray("skills");
        tools.forEach(names::add);
        return JSON.treeToValue(content, ResumeRendered.Content.class);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    // ------------------------------------------------------------------------------------------------ the stub

    /** One request as the stub counted it. */
    record Call(String purpose, String text, long chars, long uncached, long cacheWrite, long cacheRead,
                long output) {

        BigDecimal cost() {
            return price(uncached, cacheWrite, cacheRead, output);
        }
    }

    /**
     * The stub's side of Anthropic's streaming Messages API: counts each request by the README's rules and answers
     * with exactly {@code max_tokens} of output (every requested section present, so no repair is needed), reported
     * in the stream's usage.
     */
    static final class Counting {
        final List<Call> calls = new CopyOnWriteArrayList<>();
        final Set<String> cachedPrefixes = new HashSet<>();

        synchronized Reply answer(LlmProviderStub.Request received) {
            JsonNode request = received.json();
            AnthropicPrompt prompt = AnthropicPrompt.of(received);
            String all = prompt.all();
            String prefix = prompt.cachedPrefix();
            check(!request.has("tools"), "the prep calls send no tools");
            long total = tokens(all.length());
            long prefixTokens = prefix.isEmpty() ? 0 : tokens(prefix.length());
            long write = 0;
            long read = 0;
            if (prefixTokens >= MIN_CACHE_TOKENS) {
                if (cachedPrefixes.contains(prefix)) {
                    read = prefixTokens;
                } else {
                    write = prefixTokens;
                    cachedPrefixes.add(prefix);
                }
            }
            long uncached = total - write - read;
            int maxTokens = request.path("max_tokens").asInt();
            boolean base = all.contains("# <name>") && all.contains("BASE PREP");
            String purpose = base ? "prep_base" : "prep_interview";
            calls.add(new Call(purpose, all, all.length(), uncached, write, read, maxTokens));
            return Reply.sse(LlmProviderStub.anthropicStream(pieces(answerText(base, maxTokens)), "end_turn",
                    uncached, maxTokens, write, read));
        }

        /** Every section of the document, padded so the text is {@code maxTokens} tokens by the same 3.5 rule. */
        private static String answerText(boolean base, int maxTokens) {
            List<PrepSection> sections = PrepSection.of(base);
            int perSection = (int) (maxTokens * CHARS_PER_TOKEN) / sections.size();
            StringBuilder text = new StringBuilder();
            for (PrepSection s : sections) {
                String head = "# " + s.heading() + "\n";
                String filler = "Concrete prep text drawn from the resume projects. ";
                StringBuilder body = new StringBuilder();
                while (head.length() + body.length() + filler.length() < perSection) {
                    body.append(filler);
                }
                text.append(head).append(body).append('\n');
            }
            return text.toString();
        }

        /** The text in deltas of 4,000 characters. */
        private static List<String> pieces(String text) {
            List<String> pieces = new ArrayList<>();
            for (int i = 0; i < text.length(); i += 4000) {
                pieces.add(text.substring(i, Math.min(text.length(), i + 4000)));
            }
            return pieces;
        }
    }

    private PrepCostBenchmark() {
    }
}
