package org.jobsearch.resume.generation;

/** A resume cannot be generated yet because the user lacks something (a contact profile, any experience). */
public class ResumeNotPossibleException extends RuntimeException {

    private final String pointer;

    public ResumeNotPossibleException(String message, String pointer) {
        super(message);
        this.pointer = pointer;
    }

    /** What is missing, as the path of the resource that provides it, e.g. {@code /api/resumes/profile}. */
    public String missing() {
        return pointer;
    }
}
