package org.jobsearch.tracker.job;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.jobsearch.events.WorkSetting;

import java.util.Locale;

/** {@link WorkSetting} in the database as the contracts write it: {@code on_site}, {@code hybrid}, {@code remote}. */
@Converter
class WorkSettingConverter implements AttributeConverter<WorkSetting, String> {

    @Override
    public String convertToDatabaseColumn(WorkSetting setting) {
        return setting == null ? null : setting.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public WorkSetting convertToEntityAttribute(String value) {
        return value == null ? null : WorkSetting.valueOf(value.toUpperCase(Locale.ROOT));
    }
}
