package org.jobsearch.tracker.transfer;

/** A file that cannot be imported at all (no usable header, too many rows, not CSV): a 422. */
public class ImportRefusedException extends RuntimeException {

    ImportRefusedException(String detail) {
        super(detail);
    }
}
