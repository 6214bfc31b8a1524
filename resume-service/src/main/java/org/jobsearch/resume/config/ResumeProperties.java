package org.jobsearch.resume.config;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Resume settings ({@code jobsearch.resume.*}).
 *
 * @param maxImportBytes the largest experience or profile document accepted; a larger body is refused with 413
 *                       before it is parsed
 */
@Validated
@ConfigurationProperties("jobsearch.resume")
public record ResumeProperties(@NotNull DataSize maxImportBytes) {

    public ResumeProperties {
        if (maxImportBytes != null && maxImportBytes.toBytes() <= 0) {
            throw new IllegalArgumentException("jobsearch.resume.max-import-bytes must be positive, was " + maxImportBytes);
        }
    }
}
