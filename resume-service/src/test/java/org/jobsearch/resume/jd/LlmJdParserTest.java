package org.jobsearch.resume.jd;

import com.sun.net.httpserver.HttpServer;
import org.jobsearch.llm.LlmAutoConfiguration;
import org.jobsearch.llm.LlmClient;
import org.jobsearch.llm.LlmFailure;
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
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The LLM parser with the real langchain4j Anthropic client against a local stub of the Messages API. */
class LlmJdParserTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Queue<String> ANSWERS = new ConcurrentLinkedQueue<>();
    static final List<String> REQUESTS = new CopyOnWriteArrayList<>();
    static final HttpServer STUB = start();

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
                    "jobsearch.llm.base-url=http://127.0.0.1:" + STUB.getAddress().getPort() + "/v1/",
                    "jobsearch.llm.api-key=sk-ant-stub", "jobsearch.llm.max-retries=0");

    @BeforeEach
    void reset() {
        ANSWERS.clear();
        REQUESTS.clear();
    }

    @AfterAll
    static void stop() {
        STUB.stop(0);
    }

    @Test
    void validAnswer_becomesTheParse() {
        ANSWERS.add(message(VALID));
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
            assertThat(REQUESTS).singleElement().satisfies(body -> assertThat(body)
                    .contains("Job description:\\ncleaned JD").contains("Leave out education and"));
            assertThat(outcomes(ctx.getBean(JdbcTemplate.class), owner)).containsExactly("ok");
        });
    }

    @Test
    void invalidAnswer_isRepairedOnce() {
        ANSWERS.add(message(INVALID));
        ANSWERS.add(message(VALID));
        context.run(ctx -> {
            UUID owner = UUID.randomUUID();
            JdParser parser = new LlmJdParser(ctx.getBean(LlmClient.class));

            JdParser.Result result = parser.parse(new JdParser.Request(owner, null, "cleaned JD", "raw"));

            assertThat(result.parsed().metadata().role()).isEqualTo("software_engineer");
            assertThat(REQUESTS).hasSize(2);
            assertThat(REQUESTS.get(1)).contains("metadata.role").contains("requirements[0].relevance");
            assertThat(outcomes(ctx.getBean(JdbcTemplate.class), owner)).containsExactly("invalid", "repaired");
        });
    }

    @Test
    void answerInvalidTwice_failsWithoutAParse() {
        ANSWERS.add(message(INVALID));
        ANSWERS.add(message(INVALID));
        context.run(ctx -> {
            JdParser parser = new LlmJdParser(ctx.getBean(LlmClient.class));

            assertThatThrownBy(() -> parser.parse(new JdParser.Request(UUID.randomUUID(), null, "cleaned JD", "raw")))
                    .isInstanceOfSatisfying(LlmFailure.class,
                            e -> assertThat(e.reason()).isEqualTo(LlmFailure.Reason.INVALID_OUTPUT));
            assertThat(REQUESTS).hasSize(2);
        });
    }

    private static List<String> outcomes(JdbcTemplate jdbc, UUID owner) {
        return jdbc.queryForList("select outcome from llm_call where owner_id = ? and purpose = 'jd_parse' "
                + "order by created_at", String.class, owner);
    }

    private static String message(String text) {
        return JSON.writeValueAsString(Map.of("id", "msg_stub", "type", "message", "role", "assistant",
                "model", "claude-sonnet-4-5", "content", List.of(Map.of("type", "text", "text", text)),
                "stop_reason", "end_turn", "usage", Map.of("input_tokens", 900, "output_tokens", 300)));
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/v1/messages", exchange -> {
                try (exchange) {
                    REQUESTS.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                    String answer = ANSWERS.poll();
                    byte[] body = (answer == null ? "{\"type\":\"error\",\"error\":{\"type\":\"api_error\","
                            + "\"message\":\"no scripted answer\"}}" : answer).getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(answer == null ? 500 : 200, body.length);
                    exchange.getResponseBody().write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
