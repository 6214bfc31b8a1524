package org.jobsearch.llm;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A compact description of the JSON a record maps to, e.g. {@code {"title": string, "tags": [string]}},
 * for the format instruction of a structured call. Shorter than a JSON Schema, so it costs fewer
 * input tokens on every call.
 */
final class JsonShape {

    private JsonShape() {
    }

    static String of(Class<?> type) {
        return describe(type, new HashSet<>());
    }

    private static String describe(Type type, Set<Class<?>> seen) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
            Type[] arguments = parameterized.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                return "[" + describe(arguments[0], seen) + "]";
            }
            if (Map.class.isAssignableFrom(raw)) {
                return "{string: " + describe(arguments[1], seen) + "}";
            }
            return describe(raw, seen);
        }
        if (!(type instanceof Class<?> clazz)) {
            return "any";
        }
        if (clazz == String.class || clazz == UUID.class || clazz == Character.class || clazz == char.class) {
            return "string";
        }
        if (clazz == LocalDate.class) {
            return "string (YYYY-MM-DD)";
        }
        if (clazz == boolean.class || clazz == Boolean.class) {
            return "boolean";
        }
        if (clazz == int.class || clazz == Integer.class || clazz == long.class || clazz == Long.class
                || clazz == short.class || clazz == Short.class || clazz == BigInteger.class) {
            return "integer";
        }
        if (clazz == double.class || clazz == Double.class || clazz == float.class || clazz == Float.class
                || clazz == BigDecimal.class) {
            return "number";
        }
        if (clazz.isEnum()) {
            return Arrays.stream(clazz.getEnumConstants()).map(constant -> "\"" + ((Enum<?>) constant).name() + "\"")
                    .collect(Collectors.joining(" | "));
        }
        if (clazz.isArray()) {
            return "[" + describe(clazz.getComponentType(), seen) + "]";
        }
        if (clazz.isRecord()) {
            if (!seen.add(clazz)) {
                return "object";
            }
            String fields = Arrays.stream(clazz.getRecordComponents())
                    .map(component -> "\"" + jsonName(component) + "\": " + describe(component.getGenericType(), seen)
                            + (required(component) ? "" : " | null"))
                    .collect(Collectors.joining(", "));
            seen.remove(clazz);
            return "{" + fields + "}";
        }
        return "object";
    }

    private static String jsonName(RecordComponent component) {
        JsonProperty property = component.getAnnotation(JsonProperty.class);
        if (property == null && component.getAccessor() != null) {
            property = component.getAccessor().getAnnotation(JsonProperty.class);
        }
        return property != null && !property.value().isEmpty() ? property.value() : component.getName();
    }

    /** Constraints on a record component land on its accessor (their targets do not include record components). */
    private static boolean required(RecordComponent component) {
        java.lang.reflect.Method accessor = component.getAccessor();
        return component.getType().isPrimitive()
                || accessor.isAnnotationPresent(NotNull.class)
                || accessor.isAnnotationPresent(NotBlank.class)
                || accessor.isAnnotationPresent(NotEmpty.class);
    }
}
