package org.jobsearch.resume.generation;

/** A request field the service rejects after Bean Validation, named by its JSON pointer (400). */
public class InvalidResumeRequestException extends RuntimeException {

    private final String pointer;

    public InvalidResumeRequestException(String pointer, String detail) {
        super(detail);
        this.pointer = pointer;
    }

    public String pointer() {
        return pointer;
    }
}
