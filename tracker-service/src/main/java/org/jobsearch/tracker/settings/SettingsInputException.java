package org.jobsearch.tracker.settings;

/** Settings that are well-formed but cannot be used together (a 422 naming the member at {@link #pointer()}). */
public class SettingsInputException extends RuntimeException {

    private final String pointer;

    SettingsInputException(String pointer, String detail) {
        super(detail);
        this.pointer = pointer;
    }

    /** The JSON pointer of the request body member at fault, e.g. {@code /locationGroups/1/patterns/0}. */
    public String pointer() {
        return pointer;
    }
}
