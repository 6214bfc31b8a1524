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
 * @param baseMaxOutputTokens      {@code max_tokens} of a base prep answer (five sections; the defense covers at most
 *                                 5 bullets): what it costs at most, and what the prompt tells the model to stay under
 * @param interviewMaxOutputTokens {@code max_tokens} of an interview prep answer (four sections, 3-5 STAR answers)
 */
@Validated
@ConfigurationProperties("jobsearch.prep.generation")
public record PrepProperties(@NotNull @DefaultValue("5s") Duration pollInterval,
                             @NotNull @DefaultValue("15m") Duration lease,
                             @Min(1000) @DefaultValue("4000") int baseMaxOutputTokens,
                             @Min(1000) @DefaultValue("5500") int interviewMaxOutputTokens) {
}
