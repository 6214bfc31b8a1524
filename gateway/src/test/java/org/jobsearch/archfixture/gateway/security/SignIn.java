package org.jobsearch.archfixture.gateway.security;

import org.jobsearch.archfixture.gateway.account.Accounts;

/** The allowed direction: security uses account's API. */
public class SignIn {

    public String user(Accounts accounts) {
        return accounts.find("alice");
    }
}
