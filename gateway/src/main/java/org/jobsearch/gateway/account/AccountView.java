package org.jobsearch.gateway.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An account as the admin API shows it: never the password hash. */
public record AccountView(UUID id, String username, List<String> roles, boolean enabled, Instant createdAt) {

    static AccountView of(Account account) {
        return new AccountView(account.id(), account.username(), account.roles().stream().sorted().toList(),
                account.enabled(), account.createdAt());
    }
}
