package org.jobsearch.prep.preparation;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code jobsearch.prep.generation.*}: the generation worker.
 *
 * @param pollInterval    how often the worker looks for generations to run (it is also woken after each commit)
 * @param lease           a generation still running after this long is taken as lost and run again; keep it above
 *                        the LLM stream timeout
 * @param maxOutputTokens output limit of one streamed document
 */
@Validated
@ConfigurationProperties("jobsearch.prep.generation")
public record PrepProperties(@NotNull @DefaultValue("5s") Duration pollInterval,
                             @NotNull @DefaultValue("15m") Duration lease,
                             @Min(1000) @DefaultValue("24000") int maxOutputTokens) {
}
