package org.jobsearch.llm;

import java.math.BigDecimal;

/**
 * A complete, valid answer.
 *
 * @param value     the typed record (validated) or the complete streamed text
 * @param outcome   {@link LlmOutcome#OK} or {@link LlmOutcome#REPAIRED}
 * @param provider  {@code anthropic} or {@code openai}
 * @param model     the model id
 * @param usage     tokens of every call it took (a repaired answer counts both)
 * @param costUsd   cost of every call it took
 * @param latencyMs time spent waiting for the provider, retries included
 * @param calls     ledger rows written for it (2 when repaired)
 */
public record LlmResult<T>(T value, LlmOutcome outcome, String provider, String model, LlmUsage usage,
                           BigDecimal costUsd, long latencyMs, int calls) {
}
