package org.jobsearch.events;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Loads the golden samples and schemas and maps them the way a consumer would. */
final class EventContracts {

    /**
     * Jackson 3 defaults, plus failing on unknown properties, so that the records' own
     * {@code @JsonIgnoreProperties(ignoreUnknown = true)} is what makes them tolerant readers.
     */
    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Map<EventType, Schema> SCHEMA_CACHE = new EnumMap<>(EventType.class);
    private static final ValidatorFactory VALIDATORS = Validation.buildDefaultValidatorFactory();

    /** A field the sample fills, found by walking the schema; {@code required} as the schema says. */
    record Field(JsonPointer pointer, boolean required) {

        String name() {
            return pointer.last().getMatchingProperty();
        }

        /** The Bean Validation property path of the field, e.g. {@code content.roles[0].roleKey}. */
        String propertyPath() {
            StringBuilder path = new StringBuilder();
            for (JsonPointer p = pointer; !p.matches(); p = p.tail()) {
                if (p.getMatchingIndex() >= 0) {
                    path.append('[').append(p.getMatchingIndex()).append(']');
                } else {
                    path.append(path.isEmpty() ? "" : ".").append(p.getMatchingProperty());
                }
            }
            return path.toString();
        }

        @Override
        public String toString() {
            return pointer + (required ? " (required)" : " (optional)");
        }
    }

    private EventContracts() {
    }

    static JsonNode sample(EventType type) {
        return readResource(type.sampleResource());
    }

    static JsonNode schemaJson(EventType type) {
        return readResource(type.schemaResource());
    }

    static synchronized Schema schema(EventType type) {
        return SCHEMA_CACHE.computeIfAbsent(type, t -> SCHEMAS.getSchema(schemaJson(t)));
    }

    static List<Error> schemaErrors(EventType type, JsonNode json) {
        return schema(type).validate(json);
    }

    static IntegrationEvent read(EventType type, JsonNode json) {
        return MAPPER.treeToValue(json, type.recordType());
    }

    /** Serializes as a producer would and reads the text back as a tree. */
    static JsonNode write(Object event) {
        return MAPPER.readTree(MAPPER.writeValueAsString(event));
    }

    static Set<ConstraintViolation<Object>> violations(Object event) {
        Validator validator = VALIDATORS.getValidator();
        return validator.validate(event);
    }

    /** Every field of the sample that its schema describes, nested objects and the first element of arrays included. */
    static List<Field> fields(EventType type) {
        JsonNode root = schemaJson(type);
        List<Field> fields = new ArrayList<>();
        collectFields(root, root, JsonPointer.empty(), sample(type), fields);
        return fields;
    }

    /** Fields of which exactly one must be given (the schema's top-level {@code oneOf} branches). */
    static Set<String> exclusiveFields(EventType type) {
        Set<String> names = new HashSet<>();
        for (JsonNode branch : schemaJson(type).path("oneOf")) {
            branch.path("required").forEach(name -> names.add(name.stringValue()));
        }
        return names;
    }

    static JsonNode without(JsonNode json, JsonPointer field) {
        JsonNode copy = json.deepCopy();
        ((ObjectNode) copy.at(field.head())).remove(field.last().getMatchingProperty());
        return copy;
    }

    static JsonNode withNull(JsonNode json, JsonPointer field) {
        JsonNode copy = json.deepCopy();
        ((ObjectNode) copy.at(field.head())).putNull(field.last().getMatchingProperty());
        return copy;
    }

    private static void collectFields(JsonNode root, JsonNode schema, JsonPointer at, JsonNode instance,
                                      List<Field> fields) {
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(name -> required.add(name.stringValue()));
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            JsonNode value = instance.path(property.getKey());
            if (value.isMissingNode() || value.isNull()) {
                continue;
            }
            JsonPointer pointer = at.appendProperty(property.getKey());
            fields.add(new Field(pointer, required.contains(property.getKey())));
            JsonNode objectSchema = resolveRef(root, property.getValue());
            if (objectSchema != null && value.isObject()) {
                collectFields(root, objectSchema, pointer, value, fields);
            }
            JsonNode itemSchema = resolveRef(root, property.getValue().path("items"));
            if (itemSchema != null && value.isArray() && !value.isEmpty()) {
                collectFields(root, itemSchema, pointer.appendIndex(0), value.get(0), fields);
            }
        }
    }

    /** The definition a property refers to, directly or through {@code anyOf: [ref, null]}; else null. */
    private static JsonNode resolveRef(JsonNode root, JsonNode schema) {
        if (schema.has("$ref")) {
            return root.at(schema.get("$ref").stringValue().substring(1));
        }
        for (JsonNode alternative : schema.path("anyOf")) {
            if (alternative.has("$ref")) {
                return resolveRef(root, alternative);
            }
        }
        return null;
    }

    private static JsonNode readResource(String resource) {
        try (InputStream in = EventContracts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + resource);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
