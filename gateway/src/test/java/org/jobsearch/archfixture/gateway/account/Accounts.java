package org.jobsearch.archfixture.gateway.account;

import org.springframework.web.bind.annotation.RestController;

/** Broken on purpose (see GatewayArchitectureTest): an account class that is a web controller. */
@RestController
public class Accounts {

    public String find(String name) {
        return name;
    }
}
