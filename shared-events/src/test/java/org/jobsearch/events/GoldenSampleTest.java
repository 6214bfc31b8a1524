package org.jobsearch.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jobsearch.events.EventContracts.MAPPER;
import static org.jobsearch.events.EventContracts.read;
import static org.jobsearch.events.EventContracts.sample;
import static org.jobsearch.events.EventContracts.write;

/** Every record against its golden sample, both ways, and as a tolerant reader of newer payloads. */
class GoldenSampleTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sampleDeserializesIntoItsRecordAndSerializesBackToTheSameJson(EventType type) {
        JsonNode sample = sample(type);

        IntegrationEvent event = read(type, sample);

        assertThat(event).isExactlyInstanceOf(type.recordType());
        assertThat(write(event)).isEqualTo(sample);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void recordSurvivesItsOwnJson(EventType type) {
        IntegrationEvent event = read(type, sample(type));

        assertThat(MAPPER.readValue(MAPPER.writeValueAsString(event), type.recordType())).isEqualTo(event);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void aggregateIdIsNotSerialized(EventType type) {
        IntegrationEvent event = read(type, sample(type));

        assertThat(event.aggregateId()).isNotBlank();
        assertThat(write(event).has("aggregateId")).isFalse();
    }

    /** A sample that leaves a field out would let a mapping mistake in that field pass unnoticed. */
    @ParameterizedTest
    @EnumSource(EventType.class)
    void sampleFillsEveryFieldOfEveryNestedRecord(EventType type) {
        Set<String> all = new TreeSet<>();
        Set<String> filled = new TreeSet<>();

        collectComponents(read(type, sample(type)), all, filled);

        Set<String> unfilled = new TreeSet<>(all);
        unfilled.removeAll(filled);
        // the command carries JD text or a listing, never both: the sample shows the JD text form
        assertThat(unfilled).isEqualTo(type == EventType.RESUME_REQUESTED ? Set.of("ResumeRequested.listingId") : Set.of());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void unknownFieldsAtEveryLevelAreIgnored(EventType type) {
        JsonNode sample = sample(type);
        JsonNode extended = sample.deepCopy();
        int objects = addUnknownFields(extended);

        assertThat(objects).as("objects extended").isEqualTo(fieldsHoldingObjects(sample) + 1);
        assertThat(read(type, extended)).isEqualTo(read(type, sample));
        assertThat(EventContracts.schemaErrors(type, extended)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyRecordReachableFromTheEventIgnoresUnknownProperties(EventType type) {
        for (Class<?> record : reachableRecords(type.recordType())) {
            JsonIgnoreProperties annotation = record.getAnnotation(JsonIgnoreProperties.class);
            assertThat(annotation).as(record.getName()).isNotNull();
            assertThat(annotation.ignoreUnknown()).as(record.getName()).isTrue();
        }
    }

    /** Adds unknown properties, scalar and nested, to every object in the tree; returns how many objects. */
    private static int addUnknownFields(JsonNode node) {
        int objects = 0;
        for (JsonNode child : List.copyOf(node.values())) {
            objects += addUnknownFields(child);
        }
        if (node instanceof ObjectNode object) {
            object.put("addedInALaterRevision", "ignored by this reader");
            ObjectNode nested = object.putObject("addedObject");
            nested.put("flag", true);
            nested.putArray("items").add(1).add("two");
            objects++;
        }
        return objects;
    }

    private static int fieldsHoldingObjects(JsonNode node) {
        int count = 0;
        for (JsonNode child : node.values()) {
            count += (child.isObject() ? 1 : 0) + fieldsHoldingObjects(child);
        }
        return count;
    }

    private static void collectComponents(Object value, Set<String> all, Set<String> filled) {
        if (value instanceof List<?> list) {
            list.forEach(element -> collectComponents(element, all, filled));
            return;
        }
        if (value == null || !value.getClass().isRecord()) {
            return;
        }
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            String name = simpleName(value.getClass()) + "." + component.getName();
            all.add(name);
            Object componentValue;
            try {
                componentValue = component.getAccessor().invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (componentValue != null && !(componentValue instanceof List<?> list && list.isEmpty())) {
                filled.add(name);
            }
            collectComponents(componentValue, all, filled);
        }
    }

    private static Set<Class<?>> reachableRecords(Class<?> root) {
        Set<Class<?>> found = new HashSet<>();
        List<Class<?>> pending = new ArrayList<>(List.of(root));
        while (!pending.isEmpty()) {
            Class<?> record = pending.remove(pending.size() - 1);
            if (!found.add(record)) {
                continue;
            }
            for (RecordComponent component : record.getRecordComponents()) {
                Type type = component.getGenericType();
                Class<?> target = type instanceof ParameterizedType parameterized
                        && parameterized.getActualTypeArguments()[0] instanceof Class<?> element
                        ? element : component.getType();
                if (target.isRecord()) {
                    pending.add(target);
                }
            }
        }
        return found;
    }

    private static String simpleName(Class<?> type) {
        return type.getEnclosingClass() == null ? type.getSimpleName()
                : simpleName(type.getEnclosingClass()) + "." + type.getSimpleName();
    }
}
