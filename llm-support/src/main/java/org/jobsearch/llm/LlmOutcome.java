package org.jobsearch.llm;

/** How a call ended, as written to the ledger's {@code outcome} column. */
public enum LlmOutcome {
    /** a valid answer on the first attempt */
    OK,
    /** a valid answer from the repair attempt */
    REPAIRED,
    /** an answer that failed parsing or validation */
    INVALID,
    /** the provider failed (after retries), or the call could not be made */
    ERROR,
    /** refused before any HTTP call: the owner's monthly budget would be exceeded */
    BUDGET_EXCEEDED,
    /** the answer stopped early: output limit reached, or the stream broke off */
    TRUNCATED;

    /** The ledger value, e.g. {@code budget_exceeded}. */
    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
