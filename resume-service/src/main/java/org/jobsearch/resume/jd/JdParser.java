package org.jobsearch.resume.jd;

import java.util.UUID;

/** Turns a preprocessed job description into metadata and requirements. */
public interface JdParser {

    /**
     * @param cleanedJd what the parser reads: the JD after {@link JdPreprocessor#clean}
     * @param rawJd     the JD as submitted, for facts preprocessing removes on purpose (the salary-legal paragraph
     *                  is often the only place the pay range is stated)
     */
    record Request(UUID ownerId, UUID jobId, String cleanedJd, String rawJd) {
    }

    /** @param parser who parsed it: {@code offline}, or the provider and model, e.g. {@code anthropic/claude-sonnet-4-5} */
    record Result(ParsedJd parsed, String parser) {
    }

    Result parse(Request request);
}
