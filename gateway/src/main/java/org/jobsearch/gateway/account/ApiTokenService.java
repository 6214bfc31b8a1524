package org.jobsearch.gateway.account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Personal API tokens: a script sends {@code Authorization: Bearer jst_...} instead of a password.
 * The secret is shown once at creation; the gateway keeps its SHA-256, its name and dates. A token
 * stops working when revoked, when it expires, or when its account is disabled.
 */
@Service
public class ApiTokenService {

    public static final String PREFIX = "jst_";
    static final int MAX_TOKENS_PER_ACCOUNT = 50;
    static final int MAX_DAYS = 366;

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final Clock clock = Clock.systemUTC();

    ApiTokenService(JdbcClient jdbc, AccountRepository accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    /** A token as listed: never its secret. */
    public record ApiToken(UUID id, String name, String prefix, Instant createdAt, Instant expiresAt,
                           Instant lastUsedAt, Instant revokedAt) {
    }

    /** @param secret shown to the user this once */
    public record CreatedToken(ApiToken token, String secret) {
    }

    @Transactional
    public CreatedToken create(UUID accountId, String name, Integer expiresInDays) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw AccountProblem.invalid("name", "must be 1 to 100 characters");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            // NUL cannot be stored in PostgreSQL text; no control character belongs in a label
            throw AccountProblem.invalid("name", "must not contain control characters");
        }
        if (expiresInDays != null && (expiresInDays < 1 || expiresInDays > MAX_DAYS)) {
            throw AccountProblem.invalid("expiresInDays", "must be between 1 and " + MAX_DAYS);
        }
        long active = jdbc.sql("select count(*) from api_token where account_id = :account and revoked_at is null")
                .param("account", accountId).query(Long.class).single();
        if (active >= MAX_TOKENS_PER_ACCOUNT) {
            throw AccountProblem.conflict("name", "at most " + MAX_TOKENS_PER_ACCOUNT + " active tokens; revoke one first");
        }
        String secret = Secrets.newSecret(PREFIX);
        UUID id = UUID.randomUUID();
        Instant expires = expiresInDays == null ? null : clock.instant().plus(Duration.ofDays(expiresInDays));
        jdbc.sql("""
                        insert into api_token (id, account_id, name, token_hash, prefix, expires_at)
                        values (:id, :account, :name, :hash, :prefix, :expires)""")
                .param("id", id)
                .param("account", accountId)
                .param("name", name.strip())
                .param("hash", Secrets.sha256(secret))
                .param("prefix", secret.substring(0, 12))
                .param("expires", expires == null ? null : Timestamp.from(expires))
                .update();
        return new CreatedToken(find(accountId, id).orElseThrow(), secret);
    }

    @Transactional(readOnly = true)
    public List<ApiToken> list(UUID accountId) {
        return jdbc.sql("select * from api_token where account_id = :account order by created_at desc")
                .param("account", accountId)
                .query(ApiTokenService::map)
                .list();
    }

    /** Revokes one of the account's own tokens; false when it has no such token. */
    @Transactional
    public boolean revoke(UUID accountId, UUID tokenId) {
        return jdbc.sql("update api_token set revoked_at = coalesce(revoked_at, now()) where id = :id and account_id = :account")
                .param("id", tokenId)
                .param("account", accountId)
                .update() == 1;
    }

    /** The enabled account a live token belongs to; records its use. */
    @Transactional
    public Optional<Account> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Optional<UUID> account = jdbc.sql("""
                        update api_token set last_used_at = now()
                        where token_hash = :hash and revoked_at is null and (expires_at is null or expires_at > now())
                        returning account_id""")
                .param("hash", Secrets.sha256(secret))
                .query(UUID.class)
                .optional();
        return account.flatMap(accounts::findById).filter(Account::enabled);
    }

    private Optional<ApiToken> find(UUID accountId, UUID id) {
        return jdbc.sql("select * from api_token where account_id = :account and id = :id")
                .param("account", accountId)
                .param("id", id)
                .query(ApiTokenService::map)
                .optional();
    }

    private static ApiToken map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ApiToken(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("prefix"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
