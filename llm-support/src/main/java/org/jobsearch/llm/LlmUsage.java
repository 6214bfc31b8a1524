package org.jobsearch.llm;

/**
 * Tokens of one or more calls, split the way providers bill them.
 *
 * @param inputTokens      uncached input
 * @param cacheWriteTokens input written to the prompt cache (Anthropic: 1.25x the input price)
 * @param cacheReadTokens  input read from the prompt cache (Anthropic: 0.1x the input price)
 * @param outputTokens     output
 */
public record LlmUsage(long inputTokens, long cacheWriteTokens, long cacheReadTokens, long outputTokens) {

    public static final LlmUsage NONE = new LlmUsage(0, 0, 0, 0);

    public LlmUsage {
        if (inputTokens < 0 || cacheWriteTokens < 0 || cacheReadTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts cannot be negative");
        }
    }

    public LlmUsage plus(LlmUsage other) {
        return new LlmUsage(inputTokens + other.inputTokens, cacheWriteTokens + other.cacheWriteTokens,
                cacheReadTokens + other.cacheReadTokens, outputTokens + other.outputTokens);
    }
}
