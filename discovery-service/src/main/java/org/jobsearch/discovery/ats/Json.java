package org.jobsearch.discovery.ats;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;

/** Lenient reads of third-party JSON: a missing, null or oddly typed field is absent, never an exception. */
final class Json {

    private Json() {
    }

    /** The field as text (numbers and booleans too), null when missing, null, empty or structured. */
    static String text(JsonNode node, String field) {
        return text(node == null ? null : node.get(field));
    }

    static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode() || value.isContainer()) {
            return null;
        }
        String text = value.isString() ? value.stringValue() : value.asString();
        return text == null || text.isBlank() ? null : text.strip();
    }

    static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.replace(",", ""));
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** True or false when the field is a boolean, else null. */
    static Boolean bool(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isBoolean() ? value.booleanValue() : null;
    }
}
