package org.jobsearch.tracker;

import org.jobsearch.identity.CurrentUser;
import org.jobsearch.identity.IdentityProperties;
import org.jobsearch.identity.IdentityTokenSigner;

import java.util.Set;
import java.util.UUID;

/** Fresh users, and the identity tokens the gateway would forward for them. */
public final class TestUsers {

    private final IdentityTokenSigner signer;

    public TestUsers(IdentityProperties identity) {
        this.signer = new IdentityTokenSigner(identity);
    }

    public static CurrentUser user(String name) {
        return new CurrentUser(UUID.randomUUID(), name, Set.of(CurrentUser.USER));
    }

    public static CurrentUser admin(String name) {
        return new CurrentUser(UUID.randomUUID(), name, Set.of(CurrentUser.USER, CurrentUser.ADMIN));
    }

    public String bearer(CurrentUser user) {
        return "Bearer " + signer.sign(user);
    }
}
