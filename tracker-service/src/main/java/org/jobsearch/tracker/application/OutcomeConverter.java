package org.jobsearch.tracker.application;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Locale;

/** {@link Outcome} in the database in lower case, as the API writes it. */
@Converter
class OutcomeConverter implements AttributeConverter<Outcome, String> {

    @Override
    public String convertToDatabaseColumn(Outcome outcome) {
        return outcome == null ? null : outcome.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public Outcome convertToEntityAttribute(String value) {
        return value == null ? null : Outcome.valueOf(value.toUpperCase(Locale.ROOT));
    }
}
