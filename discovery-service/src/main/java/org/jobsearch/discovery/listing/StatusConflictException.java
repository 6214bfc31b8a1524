package org.jobsearch.discovery.listing;

/** A status change the rules forbid (anything out of {@code applied}). */
public class StatusConflictException extends RuntimeException {

    StatusConflictException(String message) {
        super(message);
    }
}
