package org.jobsearch.discovery.ats;

/** An ATS config that cannot be built or derived; the message names what is missing or wrong. */
public class AtsConfigException extends IllegalArgumentException {

    public AtsConfigException(String message) {
        super(message);
    }
}
