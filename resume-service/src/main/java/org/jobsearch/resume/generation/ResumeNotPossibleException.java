package org.jobsearch.resume.generation;

/**
 * A resume cannot be generated yet because the user lacks something (a contact profile, any experience, a template
 * that fits the job).
 */
public class ResumeNotPossibleException extends RuntimeException {

    private final String pointer;
    private final String reason;

    public ResumeNotPossibleException(String message, String pointer, String reason) {
        super(message);
        this.pointer = pointer;
        this.reason = reason;
    }

    /** What is missing, as the path of the resource that provides it, e.g. {@code /api/resumes/profile}. */
    public String missing() {
        return pointer;
    }

    /** The pipeline's failure reason: {@code NO_PROFILE}, {@code NO_EXPERIENCE} or {@code NO_TEMPLATE}. */
    public String reason() {
        return reason;
    }
}
