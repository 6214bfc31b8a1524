package org.jobsearch.gateway.account;

/**
 * A request the account rules refuse, naming the field at fault (or null for the request as a
 * whole) and whether it conflicts with the current state (409) or is invalid input (400).
 */
public class AccountProblem extends RuntimeException {

    private final String field;
    private final boolean conflict;

    AccountProblem(String field, String message, boolean conflict) {
        super(message);
        this.field = field;
        this.conflict = conflict;
    }

    static AccountProblem invalid(String field, String message) {
        return new AccountProblem(field, message, false);
    }

    static AccountProblem conflict(String field, String message) {
        return new AccountProblem(field, message, true);
    }

    public String field() {
        return field;
    }

    public boolean isConflict() {
        return conflict;
    }
}
