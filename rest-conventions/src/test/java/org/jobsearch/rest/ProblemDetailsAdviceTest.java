package org.jobsearch.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What a client sees when a request fails, with the auto-configuration as a service gets it. */
@SpringBootTest(properties = {"spring.mvc.problemdetails.enabled=true",
        "spring.application.name=rest-conventions-test"})
@AutoConfigureMockMvc
class ProblemDetailsAdviceTest {

    @Autowired
    MockMvc mvc;

    @Test
    void invalidBodyListsEachFieldAsJsonPointer() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"company": " ", "job": {"title": ""}, "tags": ["ok", ""], "count": 1}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.instance").value("/things"))
                .andExpect(jsonPath("$.errors", hasSize(3)))
                .andExpect(jsonPath("$.errors[0].pointer").value("/company"))
                .andExpect(jsonPath("$.errors[0].detail").value("must not be blank"))
                .andExpect(jsonPath("$.errors[1].pointer").value("/job/title"))
                .andExpect(jsonPath("$.errors[2].pointer").value("/tags/1"))
                .andExpect(jsonPath("$.detail", containsString("/company must not be blank")));
    }

    @Test
    void invalidQueryParameterIsNamed() throws Exception {
        mvc.perform(get("/things").param("size", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].parameter").value("size"))
                .andExpect(jsonPath("$.errors[0].pointer").doesNotExist())
                .andExpect(jsonPath("$.errors[0].detail").value("must be greater than or equal to 1"));
    }

    @Test
    void missingRequiredQueryParameterIsNamed() throws Exception {
        mvc.perform(get("/things/search"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].parameter").value("name"))
                .andExpect(jsonPath("$.errors[0].detail").value("is required"));
    }

    @Test
    void malformedJsonSaysWhereItBroke() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"company\": \"Acme\",\n }"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Unreadable request body"))
                .andExpect(jsonPath("$.detail", containsString("not valid JSON (line 2, column")));
    }

    @Test
    void wrongTypeNamesTheFieldAndTheExpectedType() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"company\": \"Acme\", \"job\": {\"title\": \"x\"}, \"count\": \"many\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value("/count"))
                .andExpect(jsonPath("$.errors[0].detail").value("has an invalid value (expected a number)"));
    }

    @Test
    void textWithANulCharacterIsRefusedNamingTheField() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"company\": \"Acme\", \"job\": {\"title\": \"a\\u0000b\"}, \"tags\": [\"ok\", \"x\\u0000\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].pointer").value("/job/title"))
                .andExpect(jsonPath("$.errors[0].detail").value("must not contain the NUL character (\\u0000)"));
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"company\": \"Acme\", \"job\": {\"title\": \"t\"}, \"tags\": [\"ok\", \"x\\u0000\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value("/tags/1"));
    }

    @Test
    void aValueTheDatabaseCannotStoreIsA400AndADuplicateA409NotA500() throws Exception {
        mvc.perform(get("/things/too-long"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("cannot be stored")))
                .andExpect(jsonPath("$.detail", org.hamcrest.Matchers.not(containsString("varying"))));
        mvc.perform(get("/things/duplicate"))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anUnreadableMultipartBodyIsA400() throws Exception {
        mvc.perform(get("/things/multipart"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("The multipart request body could not be read"));
    }

    @Test
    void missingBodyIsNamed() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The request body is missing"));
    }

    @Test
    void notFoundAndUnexpectedErrorsAreProblemDetailsToo() throws Exception {
        UUID id = UUID.randomUUID();
        mvc.perform(get("/things/{id}", id))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Thing not found"))
                .andExpect(jsonPath("$.detail").value("No thing with id " + id));
        mvc.perform(get("/things/boom"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("The server could not complete the request"));
        mvc.perform(get("/nowhere"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void openApiDocumentIsJsonAndDeclaresTheBearerToken() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("rest-conventions-test"))
                .andExpect(jsonPath("$.servers[0].url").value("/"))
                .andExpect(jsonPath("$.components.securitySchemes.bearer.scheme").value("bearer"))
                .andExpect(jsonPath("$.paths['/things'].post").exists());
    }

    record Job(@NotBlank String title) {
    }

    record Thing(@NotBlank String company, @NotNull @Valid Job job, List<@NotBlank String> tags, Integer count) {
    }

    @RestController
    static class ThingController {

        @PostMapping("/things")
        Thing create(@Valid @RequestBody Thing thing) {
            return thing;
        }

        @GetMapping("/things")
        List<Thing> list(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
            return List.of();
        }

        @GetMapping("/things/search")
        List<Thing> search(@RequestParam String name) {
            return List.of();
        }

        @GetMapping("/things/boom")
        Thing boom() {
            throw new IllegalStateException("secret internals");
        }

        /** What a JDBC driver reports for a value too long for its column, wrapped as Spring's data access does. */
        @GetMapping("/things/too-long")
        Thing tooLong() {
            throw new IllegalStateException("could not execute statement",
                    new java.sql.SQLException("ERROR: value too long for type character varying(200)", "22001"));
        }

        /** What the servlet container's multipart parsing throws for a body without a boundary. */
        @GetMapping("/things/multipart")
        Thing multipart() {
            throw new org.springframework.web.multipart.MultipartException("Failed to parse multipart servlet request");
        }

        @GetMapping("/things/duplicate")
        Thing duplicate() {
            throw new IllegalStateException("could not execute statement",
                    new java.sql.SQLException("ERROR: duplicate key value violates unique constraint", "23505"));
        }

        @GetMapping("/things/{id}")
        Thing get(@PathVariable UUID id) {
            throw new ResourceNotFoundException("thing", id);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ThingController.class)
    static class TestApp {

        /** A library's own mapper (shared-messaging has one for event payloads) must not change the web's JSON. */
        @Bean
        JsonMapper eventPayloadMapper() {
            return JsonMapper.builder().build();
        }
    }
}
