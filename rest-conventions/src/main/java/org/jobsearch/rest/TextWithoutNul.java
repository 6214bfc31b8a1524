package org.jobsearch.rest;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * Reads every JSON string of a request body like Jackson does, but refuses one holding a NUL character
 * ({@code \u0000}): PostgreSQL cannot store it in a text column and would fail the whole request with a 500. Refused
 * here, it is a 400 naming the field by JSON pointer ({@link ProblemDetailsAdvice}).
 */
final class TextWithoutNul extends StringDeserializer {

    static final String MESSAGE = "must not contain the NUL character (\\u0000)";

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        String value = super.deserialize(parser, context);
        if (value != null && value.indexOf('\0') >= 0) {
            return (String) context.handleWeirdStringValue(String.class, value, MESSAGE);
        }
        return value;
    }
}
