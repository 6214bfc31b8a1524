package org.jobsearch.llm;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Turns a model's text answer into a validated record, or into the problems to feed back. */
final class StructuredOutput {

    private static final int MAX_PROBLEM_LENGTH = 300;

    private final JsonMapper mapper;
    private final Validator validator;

    StructuredOutput(Validator validator) {
        this.validator = validator;
        this.mapper = JsonMapper.builder()
                // a model may add a field we did not ask for; missing ones are caught by validation
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }

    /** The instruction appended to the user message of a structured call. */
    static String formatInstruction(Class<?> type) {
        return "Reply with exactly one JSON object and nothing else (no prose, no code fences), of this shape:\n"
                + JsonShape.of(type);
    }

    static String repairInstruction(List<String> problems) {
        return "Your previous answer could not be used:\n- " + String.join("\n- ", problems)
                + "\nReply again with the complete, corrected JSON object only, in the same shape.";
    }

    record Parsed<T>(T value, List<String> problems) {
        boolean valid() {
            return problems.isEmpty();
        }
    }

    <T> Parsed<T> parse(String answer, Class<T> type) {
        String json = extractObject(answer);
        if (json == null) {
            return new Parsed<>(null, List.of("the answer contains no JSON object"));
        }
        T value;
        try {
            value = mapper.readValue(json, type);
        } catch (JacksonException e) {
            return new Parsed<>(null, List.of("the JSON does not parse: " + shorten(e.getOriginalMessage())));
        }
        if (value == null) {
            return new Parsed<>(null, List.of("the answer is JSON null"));
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (violations.isEmpty()) {
            return new Parsed<>(value, List.of());
        }
        List<String> problems = violations.stream()
                .map(violation -> violation.getPropertyPath() + ": " + violation.getMessage())
                .sorted(Comparator.naturalOrder())
                .toList();
        return new Parsed<>(null, problems);
    }

    /**
     * The outermost {...} of the answer, without code fences or prose around it; from the first
     * brace to the end when the object is not closed, so the parser names what is missing.
     */
    static String extractObject(String answer) {
        if (answer == null) {
            return null;
        }
        int start = answer.indexOf('{');
        if (start < 0) {
            return null;
        }
        int end = answer.lastIndexOf('}');
        return end > start ? answer.substring(start, end + 1) : answer.substring(start);
    }

    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= MAX_PROBLEM_LENGTH ? oneLine : oneLine.substring(0, MAX_PROBLEM_LENGTH) + "…";
    }
}
