package org.jobsearch.gateway.security;

import org.jobsearch.gateway.account.Account;
import org.jobsearch.identity.CurrentUser;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.io.Serial;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The principal of a signed-in session or Basic-authenticated request: the account's id, name
 * and roles. What the gateway vouches for downstream ({@link #toCurrentUser()}).
 */
public final class SignedInUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID id;
    private final String username;
    private final Set<String> roles;
    private final boolean enabled;
    private final boolean locked;
    private String passwordHash;

    SignedInUser(Account account) {
        this(account, false);
    }

    SignedInUser(Account account, boolean locked) {
        this.id = account.id();
        this.username = account.username();
        this.roles = Set.copyOf(account.roles());
        this.enabled = account.enabled();
        this.locked = locked;
        this.passwordHash = account.passwordHash();
    }

    public UUID id() {
        return id;
    }

    public Set<String> roles() {
        return roles;
    }

    public CurrentUser toCurrentUser() {
        return new CurrentUser(id, username, roles);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** False while too many wrong passwords came for this name from this address ({@link LoginAttemptGuard}). */
    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    /** Called by Spring Security after authentication: the hash does not stay in the session. */
    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedInUser that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "SignedInUser[id=" + id + ", username=" + username + ", roles=" + roles + "]";
    }
}
