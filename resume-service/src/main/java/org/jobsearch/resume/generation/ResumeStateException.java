package org.jobsearch.resume.generation;

/**
 * The resume is not in a state that allows the request: retrying one that has not failed (409), re-rendering one
 * whose pipeline has not finished (422).
 */
public class ResumeStateException extends RuntimeException {

    private final String status;
    private final boolean conflict;

    ResumeStateException(String message, String status, boolean conflict) {
        super(message);
        this.status = status;
        this.conflict = conflict;
    }

    public String status() {
        return status;
    }

    /** {@code true}: 409 (the request conflicts with the state); {@code false}: 422 (not possible yet). */
    public boolean conflict() {
        return conflict;
    }
}
