package org.jobsearch.resume.generation;

import org.jobsearch.llm.LlmAutoConfiguration;
import org.jobsearch.resume.experience.ExperienceRole;
import org.jobsearch.resume.jd.JdParser;
import org.jobsearch.resume.jd.JdPreprocessor;
import org.jobsearch.testkit.LlmProviderStub;
import org.jobsearch.testkit.LlmProviderStub.AnthropicPrompt;
import org.jobsearch.testkit.LlmProviderStub.Reply;
import org.jobsearch.testkit.RealInfrastructureInitializer;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.jobsearch.testkit.LlmProviderStub.JSON;

/**
 * Tokens and cost of one tailored resume against the original's measured averages, following
 * {@code shared/fixtures/benchmark/README.md}: cold (fresh owner, no cached parse, the stub's prompt cache empty), the
 * fixture JD and experience base (4 roles), the real {@code LlmJdParser} and {@link LlmBulletWriter} built by their
 * Spring configurations on the real langchain4j Anthropic client, against a local stub of the Messages API that
 * records every request body and answers each call type with the original's average output size.
 *
 * <pre>
 * ./mvnw -o -B -q -pl resume-service test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.jobsearch.resume.generation.ResumeCostBenchmark -Dexec.cleanupDaemonThreads=false
 * </pre>
 */
public final class ResumeCostBenchmark {

    /** The original's measured average output per call type (tokens), from original-system.md §6.1. */
    static final int PARSE_OUTPUT = 845;
    static final int BULLETS_OUTPUT_PER_ROLE = 171;
    static final int SKILLS_OUTPUT = 184;
    static final int PARSE_INPUT_BASELINE = 1455;
    static final int BULLETS_INPUT_PER_ROLE_BASELINE = 3823;
    static final int SKILLS_INPUT_BASELINE = 842;

    static final double CHARS_PER_TOKEN = 3.5;
    static final long MIN_CACHEABLE_TOKENS = 1024;
    static final BigDecimal INPUT_PER_MTOK = new BigDecimal("3.00");
    static final BigDecimal OUTPUT_PER_MTOK = new BigDecimal("15.00");
    static final BigDecimal CACHE_WRITE = new BigDecimal("1.25");
    static final BigDecimal CACHE_READ = new BigDecimal("0.1");

    private ResumeCostBenchmark() {
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            run();
        } catch (Throwable failure) {
            failure.printStackTrace();
            status = 1;
        }
        // test-kit's embedded Kafka and PostgreSQL keep non-daemon threads that exec:java would wait for
        System.exit(status);
    }

    private static void run() throws Exception {
        String rawJd = GenerationFixtures.resource("jds/01-platform-engineer.txt");
        List<ExperienceRole> roles = GenerationFixtures.roles();
        Accounting accounting = new Accounting();
        try (LlmProviderStub stub = LlmProviderStub.start()) {
            stub.respondWith(accounting::answer);
            new ApplicationContextRunner()
                    .withInitializer(new RealInfrastructureInitializer())
                    .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                            JdbcTemplateAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
                            FlywayAutoConfiguration.class, ValidationAutoConfiguration.class,
                            LlmAutoConfiguration.class))
                    // the service's own wiring: a configured provider gets LlmJdParser and LlmBulletWriter
                    .withUserConfiguration(Class.forName("org.jobsearch.resume.jd.JdParserConfiguration"),
                            BulletWriterConfiguration.class)
                    .withPropertyValues("jobsearch.llm.provider=anthropic",
                            "jobsearch.llm.base-url=" + stub.url() + "/v1/", "jobsearch.llm.api-key=sk-ant-stub",
                            "jobsearch.llm.max-retries=0")
                    .run(ctx -> {
                        if (ctx.getStartupFailure() != null) {
                            throw new IllegalStateException(ctx.getStartupFailure());
                        }
                        UUID owner = UUID.randomUUID();
                        UUID job = UUID.randomUUID();
                        String cleaned = JdPreprocessor.clean(rawJd);
                        JdParser.Result parse = ctx.getBean(JdParser.class)
                                .parse(new JdParser.Request(owner, job, cleaned, rawJd));
                        BulletWriter.Request request = new BulletWriter.Request(owner, job,
                                parse.parsed().metadata().role(), parse.parsed().requirements(), roles,
                                GenerationFixtures.allowance(roles));
                        // the stub's bullets: faithful ones (the offline writer's), so the verifier passes them
                        accounting.bulletsAnswer = LlmBulletWriterProviderTest.json(
                                new OfflineBulletWriter().write(request).bullets());
                        BulletWriter writer = ctx.getBean(BulletWriter.class);
                        BulletWriter.Written written = writer.write(request);

                        report(rawJd, cleaned, roles, parse, writer, written, accounting,
                                ctx.getBean(JdbcTemplate.class), owner, stub);
                    });
        }
    }

    private static void report(String rawJd, String cleaned, List<ExperienceRole> roles, JdParser.Result parse,
                               BulletWriter writer, BulletWriter.Written written, Accounting accounting,
                               JdbcTemplate jdbc, UUID owner, LlmProviderStub stub) {
        int n = roles.size();
        System.out.printf("Resume cost benchmark — one tailored resume, cold, N = %d roles%n", n);
        System.out.printf("  JD:         jds/01-platform-engineer.txt (= shared/fixtures/benchmark/jd-platform-engineer"
                + ".txt), %,d chars raw, %,d after boilerplate removal%n", rawJd.length(), cleaned.length());
        System.out.printf("  experience: experience/experience-base.json (= the shared fixture), %d roles, %d "
                + "projects%n", n, roles.stream().mapToInt(r -> r.projects().size()).sum());
        System.out.printf("  path:       JdPreprocessor → %s parse → %s bullets (one call, all %d roles) → "
                + "skills (deterministic, no call)%n", parse.parser(), writer.name(), n);
        System.out.printf("  client:     langchain4j Anthropic, against a local stub of /v1/messages%n");
        System.out.printf("  rules:      input = ceil(chars / %.1f) of the system and message texts sent; cache "
                + "write %sx / read %sx of $%s per M input only for a cached prefix >= %,d tokens written earlier in "
                + "this resume's calls; output $%s per M; stub output per call = original's average: JD parse %d, "
                + "bullets %d per role covered, skills %d (no call now: 0)%n", CHARS_PER_TOKEN, CACHE_WRITE,
                CACHE_READ, INPUT_PER_MTOK, MIN_CACHEABLE_TOKENS, OUTPUT_PER_MTOK, PARSE_OUTPUT,
                BULLETS_OUTPUT_PER_ROLE, SKILLS_OUTPUT);
        System.out.println();
        System.out.printf("  %-9s %7s %7s %7s %9s %8s %8s %7s %10s%n", "call", "body B", "sys ch", "msg ch",
                "input", "c.write", "c.read", "output", "cost $");
        long in = 0;
        long write = 0;
        long read = 0;
        long out = 0;
        BigDecimal cost = BigDecimal.ZERO;
        for (Call call : accounting.calls) {
            System.out.printf("  %-9s %7d %7d %7d %9d %8d %8d %7d %10.6f%n", call.type, call.bodyBytes,
                    call.systemChars, call.messageChars, call.input, call.cacheWrite, call.cacheRead, call.output,
                    call.cost());
            in += call.input;
            write += call.cacheWrite;
            read += call.cacheRead;
            out += call.output;
            cost = cost.add(call.cost());
        }
        System.out.printf("  %-9s %7s %7s %7s %9d %8d %8d %7d %10.6f%n", "skills", "-", "-", "-", 0, 0, 0, 0,
                BigDecimal.ZERO);
        System.out.printf("  %-9s %7s %7s %7s %9d %8d %8d %7d %10.6f%n", "total", "", "", "", in, write, read, out,
                cost);

        Map<String, Object> ledger = jdbc.queryForMap("""
                select count(*) as calls, sum(input_tokens) as input, sum(cache_write_tokens) as cache_write,
                       sum(cache_read_tokens) as cache_read, sum(output_tokens) as output, sum(cost_usd) as cost
                from llm_call where owner_id = ?""", owner);
        System.out.printf("  ledger (llm_call rows of this run): %s calls, input %s, cache write %s, cache read %s, "
                        + "output %s, $%s%n", ledger.get("calls"), ledger.get("input"), ledger.get("cache_write"),
                ledger.get("cache_read"), ledger.get("output"), ((BigDecimal) ledger.get("cost")).stripTrailingZeros()
                        .toPlainString());

        long baselineIn = PARSE_INPUT_BASELINE + (long) n * BULLETS_INPUT_PER_ROLE_BASELINE + SKILLS_INPUT_BASELINE;
        long baselineOut = PARSE_OUTPUT + (long) n * BULLETS_OUTPUT_PER_ROLE + SKILLS_OUTPUT;
        BigDecimal baselineCost = price(baselineIn, 0, 0, baselineOut);
        System.out.println();
        System.out.printf("  baseline (original, N = %d, %d calls): parse %,d in / %d out, bullets %d x %,d in / %d x "
                        + "%d out, skills %d in / %d out → %,d in, %,d out, $%.6f%n", n, n + 2, PARSE_INPUT_BASELINE,
                PARSE_OUTPUT, n, BULLETS_INPUT_PER_ROLE_BASELINE, n, BULLETS_OUTPUT_PER_ROLE, SKILLS_INPUT_BASELINE,
                SKILLS_OUTPUT, baselineIn, baselineOut, baselineCost);
        long ourIn = in + write + read;
        System.out.printf("  ours (%d calls): %,d in (%,d uncached + %,d cache write + %,d cache read), %,d out, $%.6f"
                + "%n", accounting.calls.size(), ourIn, in, write, read, out, cost);
        double ratio = cost.doubleValue() / baselineCost.doubleValue();
        System.out.printf("  ratio ours / baseline: input tokens %.1f%%, output tokens %.1f%%, cost %.1f%% — target "
                        + "<= 50%%: %s%n", 100.0 * ourIn / baselineIn, 100.0 * out / baselineOut, 100 * ratio,
                ratio <= 0.5 ? "met" : "MISSED");
        System.out.printf("  output check: %d bullets over %d roles, %d skills lines, verified; %d requests recorded%n",
                written.bullets().values().stream().mapToInt(List::size).sum(), written.bullets().size(),
                written.skills().size(), stub.requests().size());
    }

    static BigDecimal price(long input, long cacheWrite, long cacheRead, long output) {
        BigDecimal million = BigDecimal.valueOf(1_000_000);
        return INPUT_PER_MTOK.multiply(BigDecimal.valueOf(input))
                .add(INPUT_PER_MTOK.multiply(CACHE_WRITE).multiply(BigDecimal.valueOf(cacheWrite)))
                .add(INPUT_PER_MTOK.multiply(CACHE_READ).multiply(BigDecimal.valueOf(cacheRead)))
                .add(OUTPUT_PER_MTOK.multiply(BigDecimal.valueOf(output)))
                .divide(million, 8, java.math.RoundingMode.HALF_UP);
    }

    static long tokens(long characters) {
        return (long) Math.ceil(characters / CHARS_PER_TOKEN);
    }

    static final class Call {
        String type;
        int bodyBytes;
        long systemChars;
        long messageChars;
        long input;
        long cacheWrite;
        long cacheRead;
        long output;

        BigDecimal cost() {
            return price(input, cacheWrite, cacheRead, output);
        }
    }

    /** The stub's side: counts what each request sends by the README's rules and answers with the average output. */
    static final class Accounting {
        final List<Call> calls = new ArrayList<>();
        final Set<String> cachedPrefixes = new HashSet<>();
        volatile String bulletsAnswer;

        synchronized Reply answer(LlmProviderStub.Request received) {
            String body = received.body();
            AnthropicPrompt prompt = AnthropicPrompt.of(received);
            Call call = new Call();
            call.bodyBytes = body.getBytes(StandardCharsets.UTF_8).length;
            call.systemChars = prompt.system().length();
            call.messageChars = prompt.messages().length();
            long total = tokens(call.systemChars + call.messageChars);
            long prefix = tokens(prompt.cachedPrefix().length());
            if (prefix >= MIN_CACHEABLE_TOKENS) {
                if (cachedPrefixes.add(prompt.cachedPrefix())) {
                    call.cacheWrite = prefix;
                } else {
                    call.cacheRead = prefix;
                }
            } else {
                prefix = 0;
            }
            call.input = total - prefix;
            String text;
            if (prompt.system().contains("You read one job description")) {
                call.type = "jd_parse";
                call.output = PARSE_OUTPUT;
                text = PARSE_ANSWER;
            } else if (prompt.system().contains("You write resume bullets")) {
                call.type = "bullets";
                text = bulletsAnswer;
                call.output = (long) BULLETS_OUTPUT_PER_ROLE * JSON.readTree(text).path("roles").size();
            } else {
                throw new IllegalStateException("a call the benchmark does not know: " + body.substring(0,
                        Math.min(200, body.length())));
            }
            calls.add(call);
            return Reply.ok(LlmProviderStub.anthropic(text, "end_turn", call.input, call.output, call.cacheWrite,
                    call.cacheRead));
        }
    }

    /** A valid parse of the fixture JD, with its requirements as {@link GenerationFixtures} has them. */
    static final String PARSE_ANSWER = parseAnswer();

    private static String parseAnswer() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("company", "Litware");
        metadata.put("listingJobTitle", "Platform Engineer II — Developer Infrastructure");
        metadata.put("role", "software_engineer");
        metadata.put("specialization", null);
        metadata.put("level", "ii");
        metadata.put("location", "Denver, CO");
        metadata.put("workSetting", "hybrid");
        metadata.put("minExperienceYears", 3);
        metadata.put("minSalary", 140000);
        metadata.put("maxSalary", 175000);
        metadata.put("externalJobId", "PE-5521");
        Map<String, Object> parse = new LinkedHashMap<>();
        parse.put("metadata", metadata);
        parse.put("requirements", GenerationFixtures.PLATFORM_REQUIREMENTS.stream()
                .map(r -> Map.of("text", r.text(), "keywords", r.keywords(), "relevance", r.relevance())).toList());
        parse.put("contractTerms", null);
        return JSON.writeValueAsString(parse);
    }
}
