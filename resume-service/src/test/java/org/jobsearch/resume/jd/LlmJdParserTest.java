package org.jobsearch.resume.jd;

import org.jobsearch.llm.LlmAutoConfiguration;
import org.jobsearch.llm.LlmClient;
import org.jobsearch.llm.LlmFailure;
import org.jobsearch.testkit.LlmProviderStub;
import org.jobsearch.testkit.LlmProviderStub.Reply;
import org.jobsearch.testkit.RealInfrastructureInitializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The LLM parser with the real langchain4j Anthropic client against a local stub of the Messages API. */
class LlmJdParserTest {

    static final LlmProviderStub STUB = LlmProviderStub.start();

    static final String VALID = """
            {"metadata": {"company": "Litware", "listingJobTitle": "Platform Engineer II", "role": "software_engineer",
              "specialization": null, "level": "ii", "location": "Denver, CO", "workSetting": "hybrid",
              "minExperienceYears": 3, "minSalary": 140000, "maxSalary": 175000, "externalJobId": "PE-5521"},
             "requirements": [{"text": "Operate Kubernetes (EKS) clusters", "keywords": ["Kubernetes", "EKS"],
              "relevance": 0.95}],
             "contractTerms": null}""";
    static final String INVALID = VALID.replace("\"software_engineer\"", "\"platform_engineer\"")
            .replace("0.95", "1.5");

    final ApplicationContextRunner context = new ApplicationContextRunner()
            .withInitializer(new RealInfrastructureInitializer())
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    JdbcTemplateAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
                    FlywayAutoConfiguration.class, ValidationAutoConfiguration.class, LlmAutoConfiguration.class))
            .withPropertyValues("jobsearch.llm.provider=anthropic",
                    "jobsearch.llm.base-url=" + STUB.url() + "/v1/",
                    "jobsearch.llm.api-key=sk-ant-stub", "jobsearch.llm.max-retries=0");

    @BeforeEach
    void reset() {
        STUB.reset();
    }

    @AfterAll
    static void stop() {
        STUB.close();
    }

    @Test
    void validAnswer_becomesTheParse() {
        STUB.enqueue(message(VALID));
        context.run(ctx -> {
            UUID owner = UUID.randomUUID();
            JdParser parser = new JdParserConfiguration().jdParser(ctx.getBean(LlmClient.class));

            JdParser.Result result = parser.parse(new JdParser.Request(owner, UUID.randomUUID(), "cleaned JD", "raw"));

            assertThat(parser).isInstanceOf(LlmJdParser.class);
            assertThat(result.parser()).isEqualTo("anthropic/claude-sonnet-4-5");
            assertThat(result.parsed().metadata().company()).isEqualTo("Litware");
            assertThat(result.parsed().metadata().workSetting()).isEqualTo("hybrid");
            assertThat(result.parsed().requirements()).singleElement()
                    .satisfies(r -> assertThat(r.keywords()).containsExactly("Kubernetes", "EKS"));
            assertThat(STUB.requests()).singleElement().satisfies(request -> {
                assertThat(request.path()).isEqualTo("/v1/messages");
                assertThat(request.body()).contains("Job description:\\ncleaned JD")
                        .contains("Leave out education and");
            });
            assertThat(outcomes(ctx.getBean(JdbcTemplate.class), owner)).containsExactly("ok");
        });
    }

    @Test
    void invalidAnswer_isRepairedOnce() {
        STUB.enqueue(message(INVALID), message(VALID));
        context.run(ctx -> {
            UUID owner = UUID.randomUUID();
            JdParser parser = new LlmJdParser(ctx.getBean(LlmClient.class));

            JdParser.Result result = parser.parse(new JdParser.Request(owner, null, "cleaned JD", "raw"));

            assertThat(result.parsed().metadata().role()).isEqualTo("software_engineer");
            assertThat(STUB.requests()).hasSize(2);
            assertThat(STUB.requests().get(1).body()).contains("metadata.role").contains("requirements[0].relevance");
            assertThat(outcomes(ctx.getBean(JdbcTemplate.class), owner)).containsExactly("invalid", "repaired");
        });
    }

    @Test
    void answerInvalidTwice_failsWithoutAParse() {
        STUB.enqueue(message(INVALID), message(INVALID));
        context.run(ctx -> {
            JdParser parser = new LlmJdParser(ctx.getBean(LlmClient.class));

            assertThatThrownBy(() -> parser.parse(new JdParser.Request(UUID.randomUUID(), null, "cleaned JD", "raw")))
                    .isInstanceOfSatisfying(LlmFailure.class,
                            e -> assertThat(e.reason()).isEqualTo(LlmFailure.Reason.INVALID_OUTPUT));
            assertThat(STUB.requests()).hasSize(2);
        });
    }

    private static List<String> outcomes(JdbcTemplate jdbc, UUID owner) {
        return jdbc.queryForList("select outcome from llm_call where owner_id = ? and purpose = 'jd_parse' "
                + "order by created_at", String.class, owner);
    }

    private static Reply message(String text) {
        return Reply.ok(LlmProviderStub.anthropic(text, "end_turn", 900, 300, 0, 0));
    }
}
