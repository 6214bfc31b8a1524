package org.jobsearch.llm;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One request to the model.
 *
 * @param ownerId         whose budget pays for it
 * @param purpose         the call type on the cost page, e.g. {@code jd_parse}, {@code bullets}, {@code skills},
 *                        {@code prep_base}, {@code prep_interview} (lower-case letters, digits, {@code _})
 * @param jobId           the job it is for, when known
 * @param applicationId   the application it is for, when known
 * @param systemContext   static context (instructions, the experience base), sent as a cached system prompt where
 *                        the provider supports it; may be empty
 * @param userMessage     the request itself
 * @param maxOutputTokens the output budget of the call
 */
public record LlmCall(UUID ownerId, String purpose, UUID jobId, UUID applicationId, String systemContext,
                      String userMessage, int maxOutputTokens) {

    private static final Pattern PURPOSE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    public LlmCall {
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(purpose, "purpose");
        if (!PURPOSE.matcher(purpose).matches()) {
            throw new IllegalArgumentException("purpose must be lower-case letters, digits and _ (max 64): " + purpose);
        }
        if (userMessage == null || userMessage.isBlank()) {
            throw new IllegalArgumentException("userMessage must not be blank");
        }
        if (maxOutputTokens < 1) {
            throw new IllegalArgumentException("maxOutputTokens must be at least 1");
        }
        systemContext = systemContext == null ? "" : systemContext;
    }

    public static Builder builder(UUID ownerId, String purpose) {
        return new Builder(ownerId, purpose);
    }

    public static final class Builder {
        private final UUID ownerId;
        private final String purpose;
        private UUID jobId;
        private UUID applicationId;
        private String systemContext = "";
        private String userMessage;
        private int maxOutputTokens = 4000;

        private Builder(UUID ownerId, String purpose) {
            this.ownerId = ownerId;
            this.purpose = purpose;
        }

        public Builder jobId(UUID jobId) {
            this.jobId = jobId;
            return this;
        }

        public Builder applicationId(UUID applicationId) {
            this.applicationId = applicationId;
            return this;
        }

        public Builder systemContext(String systemContext) {
            this.systemContext = systemContext;
            return this;
        }

        public Builder userMessage(String userMessage) {
            this.userMessage = userMessage;
            return this;
        }

        public Builder maxOutputTokens(int maxOutputTokens) {
            this.maxOutputTokens = maxOutputTokens;
            return this;
        }

        public LlmCall build() {
            return new LlmCall(ownerId, purpose, jobId, applicationId, systemContext, userMessage, maxOutputTokens);
        }
    }
}
