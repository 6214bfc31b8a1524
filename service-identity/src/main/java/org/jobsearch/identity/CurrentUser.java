package org.jobsearch.identity;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The signed-in user a request acts for, as the gateway vouched for it in the identity token.
 * Services take it as a controller method parameter and scope every query by {@link #id()}.
 *
 * @param id    the account id; the {@code ownerId} of everything the user owns
 * @param name  the user name, for display and audit
 * @param roles {@value #USER} and/or {@value #ADMIN}
 */
public record CurrentUser(UUID id, String name, Set<String> roles) {

    public static final String USER = "USER";
    public static final String ADMIN = "ADMIN";

    public CurrentUser {
        Objects.requireNonNull(id, "id");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        roles = Set.copyOf(Objects.requireNonNull(roles, "roles"));
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN);
    }
}
