package org.jobsearch.gateway.account;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The account feature's entry point: look-ups for sign-in, and account creation with a hashed password. */
@Service
public class AccountService {

    public static final String USER = "USER";
    public static final String ADMIN = "ADMIN";

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;

    AccountService(AccountRepository accounts, PasswordEncoder passwordEncoder) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
    }

    @Transactional(readOnly = true)
    public Optional<Account> findByUsername(String username) {
        return accounts.findByUsername(username);
    }

    @Transactional(readOnly = true)
    public boolean adminExists() {
        return accounts.existsWithRole(ADMIN);
    }

    /**
     * Creates an account with the password hashed; empty when the user name is taken.
     *
     * @param roles a non-empty subset of {@value #USER} and {@value #ADMIN}
     */
    @Transactional
    public Optional<Account> create(String username, CharSequence password, Set<String> roles) {
        if (roles.isEmpty() || !Set.of(USER, ADMIN).containsAll(roles)) {
            throw new IllegalArgumentException("roles must be a non-empty subset of [USER, ADMIN], was " + roles);
        }
        UUID id = UUID.randomUUID();
        if (!accounts.insertIfAbsent(id, username, passwordEncoder.encode(password), roles)) {
            return Optional.empty();
        }
        return accounts.findByUsername(username);
    }
}
