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
    private final ApiTokenCache cache;
    private final ApiTokenUses uses;
    private final Clock clock = Clock.systemUTC();

    ApiTokenService(JdbcClient jdbc, ApiTokenCache cache, ApiTokenUses uses) {
        this.jdbc = jdbc;
        this.cache = cache;
        this.uses = uses;
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
                .list()
                .stream()
                .map(this::withPendingUse)
                .toList();
    }

    private ApiToken withPendingUse(ApiToken token) {
        return uses.pendingUse(token.id())
                .filter(used -> token.lastUsedAt() == null || used.isAfter(token.lastUsedAt()))
                .map(used -> new ApiToken(token.id(), token.name(), token.prefix(), token.createdAt(), token.expiresAt(), used,
                        token.revokedAt()))
                .orElse(token);
    }

    /** Revokes one of the account's own tokens; false when it has no such token. */
    @Transactional
    public boolean revoke(UUID accountId, UUID tokenId) {
        cache.evictToken(tokenId);
        return jdbc.sql("update api_token set revoked_at = coalesce(revoked_at, now()) where id = :id and account_id = :account")
                .param("id", tokenId)
                .param("account", accountId)
                .update() == 1;
    }

    /**
     * The enabled account a live token belongs to; records its use. Asks the database only when
     * {@link ApiTokenCache} has no live answer; the use is written later ({@link ApiTokenUses}).
     */
    public Optional<Account> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(secret);
        Optional<ApiTokenCache.Entry> cached = cache.get(hash);
        if (cached.isPresent()) {
            uses.record(cached.get().tokenId());
            return Optional.of(cached.get().account());
        }
        long generation = cache.generation();
        // one statement, no write: the use is recorded later; the password hash is not needed (nor kept in the cache)
        Optional<LiveToken> live = jdbc.sql("""
                        select t.id as token_id, t.expires_at, a.id, a.username, '' as password_hash, a.roles, a.enabled, a.created_at
                        from api_token t join account a on a.id = t.account_id
                        where t.token_hash = :hash and t.revoked_at is null and (t.expires_at is null or t.expires_at > now())
                          and a.enabled""")
                .param("hash", hash)
                .query((rs, row) -> new LiveToken(rs.getObject("token_id", UUID.class), instant(rs.getTimestamp("expires_at")),
                        AccountRepository.map(rs, row)))
                .optional();
        live.ifPresent(token -> {
            cache.put(hash, token.id(), token.account(), token.expiresAt(), generation);
            uses.record(token.id());
        });
        return live.map(LiveToken::account);
    }

    private record LiveToken(UUID id, Instant expiresAt, Account account) {
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
