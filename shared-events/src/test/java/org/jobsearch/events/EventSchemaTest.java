package org.jobsearch.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jobsearch.events.EventContracts.exclusiveFields;
import static org.jobsearch.events.EventContracts.fields;
import static org.jobsearch.events.EventContracts.read;
import static org.jobsearch.events.EventContracts.sample;
import static org.jobsearch.events.EventContracts.schemaErrors;
import static org.jobsearch.events.EventContracts.schemaJson;
import static org.jobsearch.events.EventContracts.without;
import static org.jobsearch.events.EventContracts.withNull;
import static org.jobsearch.events.EventContracts.write;

/** Samples and serialized records against the JSON Schemas, and the schemas' required/optional split. */
class EventSchemaTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sampleIsValid(EventType type) {
        assertThat(schemaErrors(type, sample(type))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void serializedRecordIsValid(EventType type) {
        assertThat(schemaErrors(type, write(read(type, sample(type))))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaIsDraft202012AndToleratesUnknownFields(EventType type) {
        JsonNode schema = schemaJson(type);

        assertThat(schema.path("$schema").stringValue()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("additionalProperties").booleanValue()).isTrue();
        assertThat(schema.path("required")).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sampleWithoutARequiredFieldIsInvalid(EventType type) {
        List<EventContracts.Field> required = fields(type).stream().filter(EventContracts.Field::required).toList();
        assertThat(required).extracting(EventContracts.Field::name).contains("eventId", "occurredAt");

        for (EventContracts.Field field : required) {
            assertThat(schemaErrors(type, without(sample(type), field.pointer())))
                    .as("errors without %s", field)
                    .anySatisfy(error -> {
                        assertThat(error.getKeyword()).isEqualTo("required");
                        assertThat(error.getProperty()).isEqualTo(field.name());
                    });
        }
    }

    /** Producers may leave optional fields out or write them as null; both are valid and read as absent. */
    @ParameterizedTest
    @EnumSource(EventType.class)
    void optionalFieldsMayBeAbsentOrNull(EventType type) {
        List<EventContracts.Field> optional = fields(type).stream()
                .filter(field -> !field.required())
                .filter(field -> !exclusiveFields(type).contains(field.name()))
                .toList();

        for (EventContracts.Field field : optional) {
            for (JsonNode json : List.of(without(sample(type), field.pointer()), withNull(sample(type), field.pointer()))) {
                assertThat(schemaErrors(type, json)).as("schema errors with %s absent or null", field).isEmpty();
                IntegrationEvent event = read(type, json);
                assertThat(EventContracts.violations(event)).as("violations with %s absent or null", field).isEmpty();
                assertThat(schemaErrors(type, write(event))).as("re-serialized without %s", field).isEmpty();
            }
        }
    }

    @Test
    void formatsAreAsserted() {
        ObjectNode badId = (ObjectNode) sample(EventType.JD_PARSED).deepCopy();
        badId.put("jobId", "job-42");
        ObjectNode badTime = (ObjectNode) sample(EventType.JD_PARSED).deepCopy();
        badTime.put("occurredAt", "yesterday");
        ObjectNode badDate = (ObjectNode) sample(EventType.JOB_LISTING_DISCOVERED).deepCopy();
        badDate.put("postedAt", "Posted 3 Days Ago");

        assertThat(schemaErrors(EventType.JD_PARSED, badId)).extracting(error -> error.getKeyword()).contains("format");
        assertThat(schemaErrors(EventType.JD_PARSED, badTime)).extracting(error -> error.getKeyword()).contains("format");
        assertThat(schemaErrors(EventType.JOB_LISTING_DISCOVERED, badDate)).extracting(error -> error.getKeyword())
                .contains("format");
    }

    @Test
    void enumValuesAreLowerSnakeCase() {
        ObjectNode constantName = (ObjectNode) sample(EventType.APPLICATION_STATUS_CHANGED).deepCopy();
        constantName.put("status", "CALLBACK");

        assertThat(schemaErrors(EventType.APPLICATION_STATUS_CHANGED, constantName))
                .extracting(error -> error.getKeyword()).contains("enum");
        assertThat(write(read(EventType.APPLICATION_STATUS_CHANGED, sample(EventType.APPLICATION_STATUS_CHANGED)))
                .path("previousStatus").stringValue()).isEqualTo("no_response");
    }
}
