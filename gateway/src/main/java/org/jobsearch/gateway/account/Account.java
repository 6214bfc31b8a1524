package org.jobsearch.gateway.account;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A user of the platform as stored by the gateway.
 *
 * @param passwordHash in {@code DelegatingPasswordEncoder} format ({@code {bcrypt}...}); never the password
 * @param roles        {@code USER} and/or {@code ADMIN}
 */
public record Account(UUID id, String username, String passwordHash, Set<String> roles, boolean enabled,
                      Instant createdAt) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        roles = Set.copyOf(roles);
    }

    @Override
    public String toString() {
        // keeps the hash out of logs and error messages
        return "Account[id=" + id + ", username=" + username + ", roles=" + roles + ", enabled=" + enabled + "]";
    }
}
