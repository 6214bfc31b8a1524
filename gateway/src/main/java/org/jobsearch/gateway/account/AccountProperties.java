package org.jobsearch.gateway.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Accounts, under {@code jobsearch.accounts}. Checked in the constructor rather than with Bean
 * Validation, whose failure report would print the rejected value: a password.
 *
 * @param adminUsername the administrator created on first start when no administrator exists
 * @param adminPassword that administrator's password (env {@code JOBSEARCH_ADMIN_PASSWORD}); used only
 *                      when the account is created. Empty: a random password is generated and
 *                      logged once.
 */
@ConfigurationProperties("jobsearch.accounts")
public record AccountProperties(@DefaultValue("admin") String adminUsername, String adminPassword) {

    static final int MIN_PASSWORD_LENGTH = 12;

    public AccountProperties {
        if (adminUsername == null || !adminUsername.matches("[A-Za-z0-9._@-]{1,100}")) {
            throw new IllegalArgumentException(
                    "jobsearch.accounts.admin-username must be 1-100 letters, digits or . _ @ -");
        }
        if (adminPassword != null && !adminPassword.isEmpty() && adminPassword.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("jobsearch.accounts.admin-password (env JOBSEARCH_ADMIN_PASSWORD) must have at least "
                    + MIN_PASSWORD_LENGTH + " characters; leave it empty to have one generated");
        }
        if (adminPassword != null && adminPassword.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > AccountService.MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException("jobsearch.accounts.admin-password (env JOBSEARCH_ADMIN_PASSWORD) must have at most "
                    + AccountService.MAX_PASSWORD_BYTES + " bytes (bcrypt's limit)");
        }
    }

    boolean hasAdminPassword() {
        return adminPassword != null && !adminPassword.isEmpty();
    }

    @Override
    public String toString() {
        return "AccountProperties[adminUsername=" + adminUsername + ", adminPassword=" + (hasAdminPassword() ? "******" : "")
                + "]";
    }
}
