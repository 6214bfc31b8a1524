package org.jobsearch.events;

import jakarta.validation.ConstraintViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jobsearch.events.EventContracts.fields;
import static org.jobsearch.events.EventContracts.read;
import static org.jobsearch.events.EventContracts.sample;
import static org.jobsearch.events.EventContracts.violations;
import static org.jobsearch.events.EventContracts.without;

/** Bean Validation on the records agrees with the schemas: what a schema requires, the record requires. */
class EventValidationTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sampleRecordHasNoViolations(EventType type) {
        assertThat(violations(read(type, sample(type)))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void recordMissingARequiredFieldHasAViolationNamingIt(EventType type) {
        List<EventContracts.Field> required = fields(type).stream().filter(EventContracts.Field::required).toList();

        for (EventContracts.Field field : required) {
            IntegrationEvent event = read(type, without(sample(type), field.pointer()));

            assertThat(violations(event)).as("violations without %s", field)
                    .extracting(violation -> violation.getPropertyPath().toString())
                    .contains(field.propertyPath());
        }
    }

    @Test
    void nestedConstraintsAreCascaded() {
        ObjectNode json = (ObjectNode) sample(EventType.JD_PARSED).deepCopy();
        ((ObjectNode) json.path("requirements").get(1)).put("relevance", 1.5);
        ((ObjectNode) json.path("metadata")).put("role", "Software Engineer");

        assertThat(violations(read(EventType.JD_PARSED, json)))
                .extracting(violation -> violation.getPropertyPath().toString())
                .containsExactlyInAnyOrder("requirements[1].relevance", "metadata.role");
    }

    @Test
    void interviewStageMustBeLowerSnakeCase() {
        ObjectNode json = (ObjectNode) sample(EventType.INTERVIEW_SCHEDULED).deepCopy();
        json.put("stage", "Technical Screen");

        assertThat(violations(read(EventType.INTERVIEW_SCHEDULED, json)))
                .extracting(ConstraintViolation::getPropertyPath)
                .extracting(Object::toString)
                .containsExactly("stage");
    }
}
