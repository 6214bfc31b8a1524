package org.jobsearch.messaging.inbox;

/**
 * A record that can never be processed as it is (unreadable, invalid, or missing its event id):
 * retrying cannot help, so it goes straight to the dead-letter topic.
 */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String message) {
        super(message);
    }

    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
