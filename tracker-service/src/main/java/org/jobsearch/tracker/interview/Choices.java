package org.jobsearch.tracker.interview;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Locale;

/**
 * The interview choice lists in their lower snake case form (the constant names in lower case), in the database and
 * in events, and their JPA converters.
 */
final class Choices {

    private Choices() {
    }

    static String value(Enum<?> choice) {
        return choice.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> E of(Class<E> type, String value) {
        if (value == null || !value.equals(value.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + value);
        }
        return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    }

    abstract static class LowerCase<E extends Enum<E>> implements AttributeConverter<E, String> {

        private final Class<E> type;

        LowerCase(Class<E> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(E choice) {
            return choice == null ? null : value(choice);
        }

        @Override
        public E convertToEntityAttribute(String value) {
            return value == null ? null : of(type, value);
        }
    }

    @Converter
    static class StageConverter extends LowerCase<InterviewStage> {
        StageConverter() {
            super(InterviewStage.class);
        }
    }

    @Converter
    static class FormatConverter extends LowerCase<InterviewFormat> {
        FormatConverter() {
            super(InterviewFormat.class);
        }
    }

    @Converter
    static class FocusConverter extends LowerCase<InterviewFocus> {
        FocusConverter() {
            super(InterviewFocus.class);
        }
    }
}
