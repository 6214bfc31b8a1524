package org.jobsearch.identity.testapp;

import org.jobsearch.identity.CurrentUser;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A minimal service on the identity library: what the library's integration tests run against. */
@SpringBootApplication
public class IdentityTestApplication {

    @RestController
    static class TestController {

        @GetMapping("/api/test/me")
        CurrentUser me(CurrentUser user) {
            return user;
        }

        /** Authenticates its caller itself (a secret in the URL), when listed in jobsearch.identity.public-paths. */
        @GetMapping("/api/test/feeds/{secret}.ics")
        String feed(@PathVariable String secret) {
            return "feed " + secret;
        }

        @GetMapping("/api/test/admin/ping")
        String adminPing(CurrentUser user) {
            return "pong " + user.name();
        }
    }
}
