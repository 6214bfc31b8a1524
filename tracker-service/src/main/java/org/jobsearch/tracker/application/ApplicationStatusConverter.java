package org.jobsearch.tracker.application;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.jobsearch.events.ApplicationStatus;

import java.util.Locale;

/** Stores a status in lower snake case ({@code no_response}), as the events and the API write it. */
@Converter
class ApplicationStatusConverter implements AttributeConverter<ApplicationStatus, String> {

    @Override
    public String convertToDatabaseColumn(ApplicationStatus status) {
        return status == null ? null : status.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public ApplicationStatus convertToEntityAttribute(String value) {
        return value == null ? null : ApplicationStatus.valueOf(value.toUpperCase(Locale.ROOT));
    }
}
