package org.jobsearch.llm;

/** A call that produced nothing usable; the ledger already holds its row(s). */
public class LlmFailure extends RuntimeException {

    public enum Reason {
        /** the offline provider is configured: the caller runs its own offline logic instead */
        OFFLINE,
        /** the answer failed parsing or validation, also after the repair attempt */
        INVALID_OUTPUT,
        /** the answer hit its output limit or the stream broke off */
        TRUNCATED,
        /** the provider failed, after retries where the failure is transient */
        PROVIDER_ERROR,
        /** the owner's monthly budget would be exceeded; nothing was sent */
        BUDGET_EXCEEDED
    }

    private final String purpose;
    private final Reason reason;

    public LlmFailure(String purpose, Reason reason, String message) {
        this(purpose, reason, message, null);
    }

    public LlmFailure(String purpose, Reason reason, String message, Throwable cause) {
        super(purpose + ": " + message, cause);
        this.purpose = purpose;
        this.reason = reason;
    }

    public String purpose() {
        return purpose;
    }

    public Reason reason() {
        return reason;
    }
}
