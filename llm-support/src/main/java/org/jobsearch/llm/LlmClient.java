package org.jobsearch.llm;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one way resume-service and interview-prep-service talk to a model. Every call is estimated
 * and checked against the owner's budget before anything is sent, retried on transient provider
 * failures, and written to the cost ledger whatever its outcome.
 *
 * <p>With the {@code offline} provider, {@link #isOffline()} is true and {@link #structured} and
 * {@link #streamText} refuse with {@link LlmFailure.Reason#OFFLINE}: callers branch to their own
 * deterministic logic and report it with {@link #recordOffline}.
 */
public interface LlmClient {

    /** True when no model is configured ({@code jobsearch.llm.provider=offline}). */
    boolean isOffline();

    /** {@code anthropic}, {@code openai} or {@code offline}. */
    String provider();

    /** The model id in use ({@code offline} for the offline provider). */
    String model();

    /**
     * Asks for one JSON object of {@code type}'s shape, parses it with Jackson and validates it with
     * Bean Validation. An answer that fails either gets exactly one repair attempt, with the problems
     * fed back; then {@link LlmFailure} ({@link LlmFailure.Reason#INVALID_OUTPUT}).
     *
     * @param type a record, with Bean Validation constraints on its components
     * @throws LlmBudgetExceeded before any HTTP call when the owner's budget would be exceeded
     * @throws LlmFailure        when no valid answer was obtained
     */
    default <T> LlmResult<T> structured(LlmCall call, Class<T> type) {
        return structured(call, type, value -> List.of());
    }

    /**
     * {@link #structured(LlmCall, Class)} with the caller's own check of a parsed, valid answer (facts that Bean
     * Validation cannot know, e.g. that every number in a bullet appears in the project it cites). The check's
     * problems count like validation problems: they go into the ledger row ({@code invalid}) and into the one repair
     * message; a repaired answer that still fails the check is {@link LlmFailure.Reason#INVALID_OUTPUT}.
     *
     * @param check returns the problems of a parsed, valid answer, each naming what is wrong; empty when it is usable
     */
    <T> LlmResult<T> structured(LlmCall call, Class<T> type, Function<? super T, List<String>> check);

    /**
     * Streams a long text answer and returns it only once complete. An answer cut off by its output
     * limit or broken off mid-stream is a {@link LlmFailure} ({@link LlmFailure.Reason#TRUNCATED}),
     * never a result.
     *
     * @param onPartialText receives each piece of text as it arrives (for progress only: it may end incomplete)
     */
    LlmResult<String> streamText(LlmCall call, Consumer<String> onPartialText);

    /** {@link #streamText(LlmCall, Consumer)} without progress. */
    default LlmResult<String> streamText(LlmCall call) {
        return streamText(call, text -> { });
    }

    /**
     * Writes a ledger row for work done by a caller's offline logic (cost 0, provider and model
     * {@code offline}), so that the cost page counts every step.
     */
    void recordOffline(UUID ownerId, String purpose, UUID jobId, UUID applicationId, Duration took,
                       LlmOutcome outcome, String error);

    /** {@link #recordOffline(UUID, String, UUID, UUID, Duration, LlmOutcome, String)} for work that succeeded. */
    default void recordOffline(UUID ownerId, String purpose, UUID jobId, UUID applicationId, Duration took) {
        recordOffline(ownerId, purpose, jobId, applicationId, took, LlmOutcome.OK, null);
    }
}
