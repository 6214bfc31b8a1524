package org.jobsearch.archfixture.gateway.routing;

import org.jobsearch.archfixture.gateway.account.Accounts;
import org.jobsearch.archfixture.gateway.security.web.SessionInternals;

/** Broken on purpose: routing reaches past security into account, and into security's internals. */
public class LeakyRoute {

    public String forward(Accounts accounts) {
        return accounts.find(SessionInternals.sessionId());
    }
}
