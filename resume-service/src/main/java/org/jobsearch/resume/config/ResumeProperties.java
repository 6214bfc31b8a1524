package org.jobsearch.resume.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Resume settings ({@code jobsearch.resume.*}).
 *
 * @param maxImportBytes the largest experience or profile document accepted; a larger body is refused with 413
 *                       before it is parsed
 * @param pipeline       the worker that runs queued resumes
 */
@Validated
@ConfigurationProperties("jobsearch.resume")
public record ResumeProperties(@NotNull DataSize maxImportBytes, @Valid @NotNull @DefaultValue Pipeline pipeline) {

    public ResumeProperties {
        if (maxImportBytes != null && maxImportBytes.toBytes() <= 0) {
            throw new IllegalArgumentException("jobsearch.resume.max-import-bytes must be positive, was " + maxImportBytes);
        }
    }

    /**
     * @param pollInterval how often an idle worker looks for queued resumes (it is also woken after each request)
     * @param lease        how long a claimed resume may stay in one step before another worker takes it over (the
     *                     instance is presumed lost): longer than the slowest model call with its retries
     * @param workers      resumes one instance runs at the same time
     */
    public record Pipeline(@NotNull @DefaultValue("2s") Duration pollInterval,
                           @NotNull @DefaultValue("10m") Duration lease,
                           @Min(1) @Max(16) @DefaultValue("2") int workers) {

        public Pipeline {
            if (pollInterval != null && (pollInterval.isNegative() || pollInterval.isZero())) {
                throw new IllegalArgumentException("jobsearch.resume.pipeline.poll-interval must be positive");
            }
            if (lease != null && lease.compareTo(Duration.ofSeconds(10)) < 0) {
                throw new IllegalArgumentException("jobsearch.resume.pipeline.lease must be at least 10s, was "
                        + lease);
            }
        }
    }
}
