package org.jobsearch.gateway.account;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The account feature's entry point: look-ups for sign-in, and account creation with a hashed password. */
@Service
public class AccountService {

    public static final String USER = "USER";
    public static final String ADMIN = "ADMIN";
    public static final int MIN_PASSWORD_LENGTH = 12;
    /** bcrypt reads at most 72 bytes (and Spring Security refuses to hash more): a longer password cannot be stored. */
    public static final int MAX_PASSWORD_BYTES = 72;
    static final Duration INVITE_VALIDITY = Duration.ofDays(7);

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final ApiTokenCache apiTokens;
    private final Clock clock;

    AccountService(AccountRepository accounts, PasswordEncoder passwordEncoder, ApiTokenCache apiTokens) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.apiTokens = apiTokens;
        this.clock = Clock.systemUTC();
    }

    /** A page of accounts, by user name. */
    public record AccountPage(List<AccountView> items, int page, int size, long total) {
    }

    /** @param inviteToken the one-time invitation secret, shown once; null when a password was given */
    public record CreatedAccount(AccountView account, String inviteToken, Instant inviteExpiresAt) {
    }

    @Transactional(readOnly = true)
    public AccountPage list(int page, int size) {
        return new AccountPage(accounts.page(page, size).stream().map(AccountView::of).toList(), page, size, accounts.count());
    }

    @Transactional(readOnly = true)
    public Optional<Account> findById(UUID id) {
        return accounts.findById(id);
    }

    /**
     * An admin adds a person. With a password the account can sign in at once; without one it is
     * created disabled with a one-time invitation (valid {@link #INVITE_VALIDITY}) through which
     * the person sets their own password.
     */
    @Transactional
    public CreatedAccount add(String username, String password, Set<String> roles) {
        checkRoles(roles);
        UUID id = UUID.randomUUID();
        boolean invite = password == null;
        String hash = passwordEncoder.encode(invite ? Secrets.newSecret("unusable-") : checkedPassword("password", password));
        if (!accounts.insertIfAbsent(id, username, hash, roles, !invite)) {
            throw AccountProblem.conflict("username", "the user name '" + username + "' is taken");
        }
        AccountView view = AccountView.of(accounts.findById(id).orElseThrow());
        if (!invite) {
            return new CreatedAccount(view, null, null);
        }
        String token = Secrets.newSecret("inv_");
        Instant expires = clock.instant().plus(INVITE_VALIDITY);
        accounts.insertInvite(Secrets.sha256(token), id, expires);
        return new CreatedAccount(view, token, expires);
    }

    /** The invited person sets their password; the invitation works once. */
    @Transactional
    public AccountView acceptInvite(String token, String password) {
        String checked = checkedPassword("password", password);
        UUID id = accounts.takeInvite(Secrets.sha256(token == null ? "" : token))
                .orElseThrow(() -> AccountProblem.invalid("token", "this invitation is unknown, used or expired"));
        apiTokens.evictAccount(id);
        accounts.updatePasswordHash(id, passwordEncoder.encode(checked));
        accounts.updateEnabled(id, true);
        return AccountView.of(accounts.findById(id).orElseThrow());
    }

    /**
     * Enables or disables an account. An admin cannot disable themselves, nor the last enabled
     * administrator: nobody could administer the platform afterwards.
     */
    @Transactional
    public Optional<AccountView> setEnabled(UUID actor, UUID id, boolean enabled) {
        Optional<Account> account = accounts.findById(id);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        if (!enabled && actor.equals(id)) {
            throw AccountProblem.conflict("enabled", "you cannot disable your own account");
        }
        if (!enabled && account.get().roles().contains(ADMIN) && accounts.countEnabledWithRole(ADMIN, id) == 0) {
            throw AccountProblem.conflict("enabled", "the last enabled administrator cannot be disabled");
        }
        // the account's personal tokens stop (or start) working with the very next request
        apiTokens.evictAccount(id);
        accounts.updateEnabled(id, enabled);
        return accounts.findById(id).map(AccountView::of);
    }

    /** A signed-in user changes their own password, proving they know the current one. */
    @Transactional
    public void changePassword(UUID id, String currentPassword, String newPassword) {
        Account account = accounts.findById(id).orElseThrow();
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.passwordHash())) {
            throw AccountProblem.invalid("currentPassword", "the current password is not right");
        }
        apiTokens.evictAccount(id);
        accounts.updatePasswordHash(id, passwordEncoder.encode(checkedPassword("newPassword", newPassword)));
    }

    private static String checkedPassword(String field, String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw AccountProblem.invalid(field, "must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw AccountProblem.invalid(field, "must have at most " + MAX_PASSWORD_BYTES + " bytes (72 letters or digits, "
                    + "fewer with accents or emoji)");
        }
        return password;
    }

    private static void checkRoles(Set<String> roles) {
        if (roles == null || roles.isEmpty() || !Set.of(USER, ADMIN).containsAll(roles)) {
            throw AccountProblem.invalid("roles", "must be a non-empty subset of [USER, ADMIN]");
        }
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

    /**
     * The account of a person signing in through the OpenID Connect provider {@code issuer}: the one linked to
     * {@code subject} before, or a new USER account linked to it now. The new account's user name is the provider's
     * (letters, digits and {@code . _ @ -} kept, the rest replaced); when a local account holds that name already, a
     * suffix makes it unique: a provider never takes over an account it did not create. Such an account has no
     * usable password (a random one nobody knows), so it signs in only through the provider. The caller refuses a
     * disabled account.
     */
    @Transactional
    public Account signInExternal(String issuer, String subject, String preferredUsername) {
        Optional<Account> linked = accounts.findByIdentity(issuer, subject);
        if (linked.isPresent()) {
            return linked.get();
        }
        String base = externalUsername(preferredUsername, subject);
        String unusable = passwordEncoder.encode(Secrets.newSecret("oidc_"));
        for (int attempt = 0; attempt < 20; attempt++) {
            String username = attempt == 0 ? base : truncate(base, 95) + "-" + (attempt + 1);
            UUID id = UUID.randomUUID();
            if (accounts.insertIfAbsent(id, username, unusable, Set.of(USER))) {
                if (!accounts.insertIdentityIfAbsent(issuer, subject, id)) {
                    // another first sign-in of the same person won: use its account (this one rolls back with the transaction)
                    throw new IllegalStateException("concurrent first sign-in of " + subject + " at " + issuer);
                }
                return accounts.findById(id).orElseThrow();
            }
        }
        throw new IllegalStateException("no free user name for " + base);
    }

    private static String externalUsername(String preferred, String subject) {
        String name = preferred == null || preferred.isBlank() ? "user-" + subject : preferred.strip();
        name = name.replaceAll("[^A-Za-z0-9._@-]", "-");
        return truncate(name.length() < 2 ? name + "-user" : name, 100);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
