package org.jobsearch.gateway.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Makes sure a fresh installation can be signed into: when no administrator exists, creates one
 * with {@code JOBSEARCH_ADMIN_PASSWORD}, or with a generated password that is logged this one
 * time (it is never stored in clear, so it cannot be shown again).
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountService accounts;
    private final AccountProperties properties;

    AdminBootstrap(AccountService accounts, AccountProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensureAdministrator();
    }

    void ensureAdministrator() {
        if (accounts.adminExists()) {
            return;
        }
        String username = properties.adminUsername();
        boolean generated = !properties.hasAdminPassword();
        String password = generated ? generatePassword() : properties.adminPassword();
        if (accounts.create(username, password, Set.of(AccountService.USER, AccountService.ADMIN)).isEmpty()) {
            if (accounts.adminExists()) {
                // another gateway instance created it at the same moment
                return;
            }
            throw new IllegalStateException("No administrator exists and the user name '" + username
                    + "' is taken by a non-admin account; set jobsearch.accounts.admin-username to a free name");
        }
        if (generated) {
            // the user name and the password on one line, so one grep of the log finds both
            log.warn("""

                    ====================================================================
                    Created the administrator account '{}' with a generated password: {}
                    This is the only time the password is shown: it is stored hashed.
                    Keep it in your password manager now. To choose it yourself instead,
                    set JOBSEARCH_ADMIN_PASSWORD before the first start.
                    ====================================================================""", username, password);
        } else {
            log.info("Created the administrator account '{}' with the password from JOBSEARCH_ADMIN_PASSWORD", username);
        }
    }

    /** 144 random bits, URL-safe: 24 characters that survive copy and paste. */
    private static String generatePassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
