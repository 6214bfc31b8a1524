package org.jobsearch.resume.generation;

import org.jobsearch.llm.LlmAutoConfiguration;
import org.jobsearch.llm.LlmClient;
import org.jobsearch.llm.LlmFailure;
import org.jobsearch.testkit.LlmProviderStub;
import org.jobsearch.testkit.LlmProviderStub.Reply;
import org.jobsearch.testkit.RealInfrastructureInitializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jobsearch.testkit.LlmProviderStub.JSON;

/**
 * {@link LlmBulletWriter} with the real langchain4j client of one provider against a local stub of its HTTP API, the
 * ledger on real PostgreSQL. Subclasses give the provider's settings and wire format.
 */
abstract class LlmBulletWriterProviderTest {

    static final String SLO = "adventure_sre.slo_alerting";
    static final String FABRICATED = "Cut paging noise by 75% with Prometheus burn-rate alerts";

    final UUID owner = UUID.randomUUID();
    final UUID job = UUID.randomUUID();
    final BulletWriter.Request request = GenerationFixtures.request(owner, job);
    /** A faithful answer: the offline writer's bullets for the fixture (the verifier accepts them). */
    final BulletWriter.Written faithful = new OfflineBulletWriter().write(request);

    abstract LlmProviderStub stub();

    /** The provider's settings (base URL on the stub, a price for the model). */
    abstract String[] settings();

    abstract String provider();

    /** A complete answer with the usage this class asserts: {@link #okUsage()}. */
    abstract String answer(String text);

    /** An answer cut off by its output limit. */
    abstract String truncated(String text);

    abstract Reply rateLimited();

    /** What the ledger should hold for one {@link #answer}: input, cache write, cache read, output, cost. */
    abstract Object[] okUsage();

    /** The system prompt and the user messages as the client sent them. */
    abstract String systemPrompt(JsonNode request);

    abstract List<String> userMessages(JsonNode request);

    ApplicationContextRunner context() {
        return new ApplicationContextRunner()
                .withInitializer(new RealInfrastructureInitializer())
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        JdbcTemplateAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
                        FlywayAutoConfiguration.class, ValidationAutoConfiguration.class, LlmAutoConfiguration.class))
                .withPropertyValues("jobsearch.llm.max-retries=1", "jobsearch.llm.retry-initial-delay=10ms",
                        "jobsearch.llm.retry-max-delay=20ms", "jobsearch.llm.timeout=1s")
                .withPropertyValues(settings());
    }

    @BeforeEach
    void resetStub() {
        stub().reset();
    }

    void run(Consumer<AssertableApplicationContext> test) {
        context().run(test::accept);
    }

    BulletWriter writer(AssertableApplicationContext ctx) {
        return new BulletWriterConfiguration().bulletWriter(ctx.getBean(LlmClient.class));
    }

    @Test
    void answer_becomesVerifiedBullets_withTheBaseAsSystemPrompt_andALedgerRow() {
        stub().enqueue(Reply.ok(answer(json(faithful.bullets()))));
        run(ctx -> {
            BulletWriter writer = writer(ctx);

            BulletWriter.Written written = writer.write(request);

            assertThat(writer).isInstanceOf(LlmBulletWriter.class);
            assertThat(writer.name()).startsWith(provider() + "/");
            assertThat(written.bullets()).isEqualTo(faithful.bullets());
            assertThat(written.bullets().keySet()).containsExactly("adventure_sre", "wwi_devops",
                    "northwind_sysadmin", "contoso_intern");
            assertThat(written.skills()).isEqualTo(Skills.select(request.requirements(), request.roles()));

            // one call for all four roles: the rules and every project in the system prompt, the job in the user's
            JsonNode sent = stub().requests().get(0).json();
            assertThat(stub().requests()).hasSize(1);
            assertThat(systemPrompt(sent)).contains("Use only facts from the user's projects")
                    .contains("[adventure_sre.eks_migration] EKS migration")
                    .contains("Outcomes: Removed 220 stale DNS records safely");
            String user = userMessages(sent).get(0);
            assertThat(user).contains("Target role: software_engineer")
                    .contains("adventure_sre: 5, wwi_devops: 4, northwind_sysadmin: 3, contoso_intern: 3")
                    .doesNotContain("[adventure_sre.eks_migration]");
            // requirements by relevance: the 0.9 ones before the 0.7 and the 0.4 ones
            assertThat(user.indexOf("0.90 | Hands-on Kubernetes")).isPositive()
                    .isLessThan(user.indexOf("0.70 | Operate and improve"));
            assertThat(user.indexOf("0.70 | Operate and improve")).isLessThan(user.indexOf("0.40 | Kafka"));

            Object[] usage = okUsage();
            assertThat(rows(ctx)).singleElement().satisfies(row -> {
                assertThat(row).containsEntry("purpose", "bullets").containsEntry("job_id", job)
                        .containsEntry("outcome", "ok").containsEntry("attempts", 1)
                        .containsEntry("input_tokens", usage[0]).containsEntry("cache_write_tokens", usage[1])
                        .containsEntry("cache_read_tokens", usage[2]).containsEntry("output_tokens", usage[3]);
                assertThat((BigDecimal) row.get("cost_usd")).isEqualByComparingTo((String) usage[4]);
            });
        });
    }

    @Test
    void rateLimited_thenAnswered_isRetried() {
        stub().enqueue(rateLimited(), Reply.ok(answer(json(faithful.bullets()))));
        run(ctx -> {
            assertThat(writer(ctx).write(request).bullets()).isEqualTo(faithful.bullets());
            assertThat(stub().requests()).hasSize(2);
            assertThat(rows(ctx)).singleElement().satisfies(row -> assertThat(row)
                    .containsEntry("outcome", "ok").containsEntry("attempts", 2).containsEntry("purpose", "bullets"));
        });
    }

    @Test
    void noAnswerWithinTheTimeout_failsClearly_afterItsRetry() {
        stub().enqueue(Reply.ok(answer(json(faithful.bullets()))).after(Duration.ofSeconds(3)),
                Reply.ok(answer(json(faithful.bullets()))).after(Duration.ofSeconds(3)));
        run(ctx -> {
            assertThatThrownBy(() -> writer(ctx).write(request))
                    .isInstanceOfSatisfying(LlmFailure.class, e -> {
                        assertThat(e.reason()).isEqualTo(LlmFailure.Reason.PROVIDER_ERROR);
                        assertThat(e.purpose()).isEqualTo("bullets");
                        assertThat(e.getMessage()).contains("after 2 attempt(s)");
                    });
            assertThat(rows(ctx)).singleElement().satisfies(row -> assertThat(row)
                    .containsEntry("outcome", "error").containsEntry("attempts", 2).containsEntry("output_tokens", 0L)
                    .containsEntry("job_id", job));
        });
    }

    @Test
    void malformedJson_isRepaired() {
        String valid = json(faithful.bullets());
        stub().enqueue(Reply.ok(answer(valid.substring(0, valid.length() / 2) + "\"]}")), Reply.ok(answer(valid)));
        run(ctx -> {
            assertThat(writer(ctx).write(request).bullets()).isEqualTo(faithful.bullets());
            assertThat(userMessages(stub().requests().get(1).json()).get(1)).contains("could not be used")
                    .contains("the JSON does not parse");
            assertThat(rows(ctx)).extracting(r -> r.get("outcome")).containsExactly("invalid", "repaired");
            assertThat(rows(ctx)).allSatisfy(r -> assertThat(r).containsEntry("purpose", "bullets")
                    .containsEntry("job_id", job));
        });
    }

    @Test
    void malformedTwice_fails_withNothingWritten() {
        stub().enqueue(Reply.ok(answer("Here are your bullets: - did things")), Reply.ok(answer("{\"roles\": [")));
        run(ctx -> {
            assertThatThrownBy(() -> writer(ctx).write(request)).isInstanceOfSatisfying(LlmFailure.class,
                    e -> assertThat(e.reason()).isEqualTo(LlmFailure.Reason.INVALID_OUTPUT));
            assertThat(stub().requests()).hasSize(2);
            assertThat(rows(ctx)).extracting(r -> r.get("outcome")).containsExactly("invalid", "invalid");
        });
    }

    @Test
    void truncatedAnswer_fails_withoutARepair() {
        String valid = json(faithful.bullets());
        stub().enqueue(Reply.ok(truncated(valid.substring(0, valid.length() - 40))));
        run(ctx -> {
            assertThatThrownBy(() -> writer(ctx).write(request)).isInstanceOfSatisfying(LlmFailure.class,
                    e -> assertThat(e.reason()).isEqualTo(LlmFailure.Reason.TRUNCATED));
            assertThat(stub().requests()).hasSize(1);
            assertThat(rows(ctx)).singleElement().satisfies(row -> assertThat(row)
                    .containsEntry("outcome", "truncated").containsEntry("purpose", "bullets"));
        });
    }

    @Test
    void fabricatedNumber_isSentBackOnce_andTheRepairedBulletsAreVerified() {
        stub().enqueue(Reply.ok(answer(json(withFabricatedBullet()))), Reply.ok(answer(json(faithful.bullets()))));
        run(ctx -> {
            BulletWriter.Written written = writer(ctx).write(request);

            assertThat(written.bullets()).isEqualTo(faithful.bullets());
            assertThat(written.bullets().values()).flatMap(l -> l).extracting(ResumeContent.Bullet::text)
                    .doesNotContain(FABRICATED);
            // the repair call carries the model's answer and the verifier's finding
            List<String> repair = userMessages(stub().requests().get(1).json());
            assertThat(repair.get(repair.size() - 1)).contains("\"" + FABRICATED + "\" states 75%, which project "
                    + SLO + " does not state");
            assertThat(rows(ctx)).extracting(r -> r.get("outcome")).containsExactly("invalid", "repaired");
            assertThat((String) rows(ctx).get(0).get("error")).contains("states 75%");
        });
    }

    @Test
    void fabricatedTwice_failsClearly_namingTheFinding() {
        stub().enqueue(Reply.ok(answer(json(withFabricatedBullet()))), Reply.ok(answer(json(withFabricatedBullet()))));
        run(ctx -> {
            assertThatThrownBy(() -> writer(ctx).write(request)).isInstanceOfSatisfying(LlmFailure.class, e -> {
                assertThat(e.reason()).isEqualTo(LlmFailure.Reason.INVALID_OUTPUT);
                assertThat(e.getMessage()).contains("after one repair attempt")
                        .contains("states 75%, which project " + SLO + " does not state");
            });
            assertThat(stub().requests()).hasSize(2);
            assertThat(rows(ctx)).extracting(r -> r.get("outcome")).containsExactly("invalid", "invalid");
        });
    }

    /** The faithful answer with the first role's first bullet replaced by one claiming a number SLO never states. */
    Map<String, List<ResumeContent.Bullet>> withFabricatedBullet() {
        Map<String, List<ResumeContent.Bullet>> bullets = new LinkedHashMap<>(faithful.bullets());
        List<ResumeContent.Bullet> first = new ArrayList<>(bullets.get("adventure_sre"));
        first.set(0, new ResumeContent.Bullet(FABRICATED, SLO));
        bullets.put("adventure_sre", first);
        return bullets;
    }

    /** Bullets in the shape the writer asks for. */
    static String json(Map<String, List<ResumeContent.Bullet>> bullets) {
        List<Map<String, Object>> roles = new ArrayList<>();
        bullets.forEach((role, list) -> roles.add(Map.of("roleKey", role, "bullets", list.stream()
                .map(b -> Map.of("text", b.text(), "projectKey", b.projectKey())).toList())));
        return JSON.writeValueAsString(Map.of("roles", roles));
    }

    List<Map<String, Object>> rows(AssertableApplicationContext ctx) {
        return ctx.getBean(JdbcTemplate.class).queryForList("""
                select purpose, job_id, input_tokens, cache_write_tokens, cache_read_tokens, output_tokens, cost_usd,
                       outcome, attempts, error
                from llm_call where owner_id = ? order by created_at""", owner);
    }
}
