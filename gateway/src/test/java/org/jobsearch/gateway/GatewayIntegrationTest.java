package org.jobsearch.gateway;

import org.jobsearch.gateway.account.AccountService;
import org.jobsearch.testkit.WithRealInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Set;
import java.util.UUID;

/**
 * The running gateway on its own database, with every route pointed at one stub service. All
 * subclasses share this one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "JOBSEARCH_IDENTITY_SIGNING_KEY=" + GatewayTestData.SIGNING_KEY,
        "JOBSEARCH_ADMIN_PASSWORD=" + GatewayTestData.ADMIN_PASSWORD})
@WithRealInfrastructure
public abstract class GatewayIntegrationTest {

    protected static final DownstreamStub downstream = DownstreamStub.shared();

    @DynamicPropertySource
    static void routeEveryServiceToTheStub(DynamicPropertyRegistry registry) {
        for (String service : new String[]{"DISCOVERY", "RESUME", "TRACKER", "PREP"}) {
            registry.add("JOBSEARCH_" + service + "_URL", downstream::url);
        }
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected AccountService accounts;

    @BeforeEach
    void forgetEarlierRequests() {
        downstream.clear();
    }

    /** A fresh USER account; returns its user name (the password is {@link #USER_PASSWORD}). */
    protected String newUser() {
        String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(username, USER_PASSWORD, Set.of(AccountService.USER)).orElseThrow();
        return username;
    }

    protected static final String USER_PASSWORD = "a-long-user-password";

    protected GatewayClient browser() {
        return GatewayClient.browser(port);
    }

    protected GatewayClient script(String username, String password) {
        return GatewayClient.script(port, username, password);
    }

    protected GatewayClient anonymous() {
        return GatewayClient.anonymous(port);
    }
}
