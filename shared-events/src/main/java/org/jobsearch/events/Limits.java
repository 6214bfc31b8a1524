package org.jobsearch.events;

/** Shared constraint values of the contracts, mirrored in the JSON Schemas. */
final class Limits {

    /** Lower snake case, the form of every choice value carried as a string (stage, role, source, ...). */
    static final String SNAKE_CASE = "^[a-z0-9_]+$";
    static final int NAME = 255;
    static final int SHORT_NAME = 200;
    static final int URL = 2048;
    /** A job description or any other pasted document. */
    static final int DOCUMENT = 200_000;
    static final int TEXT = 10_000;

    private Limits() {
    }

    static String idString(Object id) {
        return id == null ? null : id.toString();
    }
}
