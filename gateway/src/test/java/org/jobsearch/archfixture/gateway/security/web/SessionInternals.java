package org.jobsearch.archfixture.gateway.security.web;

/** An internal of security, beneath its root package. */
public class SessionInternals {

    public static String sessionId() {
        return "s";
    }
}
