package org.jobsearch.tracker.application;

/**
 * A well-formed request whose value at {@code pointer} cannot be used (a 422): a job that is not the caller's, a
 * status change dated before the status it replaces, a job that already has its application.
 *
 * @see #pointer()
 */
public class ApplicationInputException extends RuntimeException {

    private final String pointer;
    private final boolean conflict;

    private ApplicationInputException(String pointer, String detail, boolean conflict) {
        super(detail);
        this.pointer = pointer;
        this.conflict = conflict;
    }

    static ApplicationInputException unprocessable(String pointer, String detail) {
        return new ApplicationInputException(pointer, detail, false);
    }

    static ApplicationInputException conflict(String pointer, String detail) {
        return new ApplicationInputException(pointer, detail, true);
    }

    /** The JSON pointer of the request body member at fault, e.g. {@code /jobId}. */
    public String pointer() {
        return pointer;
    }

    /** Whether the value clashes with an existing resource (409) rather than being unusable (422). */
    public boolean conflict() {
        return conflict;
    }
}
