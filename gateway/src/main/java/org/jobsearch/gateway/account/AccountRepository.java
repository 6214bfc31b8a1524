package org.jobsearch.gateway.account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Plain SQL over the {@code account} and {@code account_invite} tables: a handful of statements need no ORM. */
@Repository
class AccountRepository {

    private static final String COLUMNS = "id, username, password_hash, roles, enabled, created_at";

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> findByUsername(String username) {
        return jdbc.sql("select " + COLUMNS + " from account where lower(username) = lower(:username)")
                .param("username", username)
                .query(AccountRepository::map)
                .optional();
    }

    Optional<Account> findById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from account where id = :id")
                .param("id", id)
                .query(AccountRepository::map)
                .optional();
    }

    List<Account> page(int page, int size) {
        return jdbc.sql("select " + COLUMNS + " from account order by lower(username) limit :size offset :offset")
                .param("size", size)
                .param("offset", (long) page * size)
                .query(AccountRepository::map)
                .list();
    }

    long count() {
        return jdbc.sql("select count(*) from account").query(Long.class).single();
    }

    boolean existsWithRole(String role) {
        return jdbc.sql("select exists(select 1 from account where :role = any(roles))")
                .param("role", role)
                .query(Boolean.class)
                .single();
    }

    /** Enabled accounts holding {@code role}, other than {@code except}. */
    long countEnabledWithRole(String role, UUID except) {
        return jdbc.sql("select count(*) from account where enabled and :role = any(roles) and id <> :except")
                .param("role", role)
                .param("except", except)
                .query(Long.class)
                .single();
    }

    /** Inserts unless the user name is taken; false when it was (another instance may have won the race). */
    boolean insertIfAbsent(UUID id, String username, String passwordHash, Set<String> roles) {
        return insertIfAbsent(id, username, passwordHash, roles, true);
    }

    boolean insertIfAbsent(UUID id, String username, String passwordHash, Set<String> roles, boolean enabled) {
        return jdbc.sql("""
                        insert into account (id, username, password_hash, roles, enabled)
                        values (:id, :username, :passwordHash, string_to_array(:roles, ','), :enabled)
                        on conflict (lower(username)) do nothing""")
                .param("id", id)
                .param("username", username)
                .param("passwordHash", passwordHash)
                .param("roles", String.join(",", roles))
                .param("enabled", enabled)
                .update() == 1;
    }

    void updateEnabled(UUID id, boolean enabled) {
        jdbc.sql("update account set enabled = :enabled where id = :id").param("id", id).param("enabled", enabled).update();
    }

    void updatePasswordHash(UUID id, String passwordHash) {
        jdbc.sql("update account set password_hash = :hash where id = :id").param("id", id).param("hash", passwordHash).update();
    }

    void insertInvite(String tokenHash, UUID accountId, Instant expiresAt) {
        jdbc.sql("insert into account_invite (token_hash, account_id, expires_at) values (:hash, :account, :expires)")
                .param("hash", tokenHash)
                .param("account", accountId)
                .param("expires", Timestamp.from(expiresAt))
                .update();
    }

    /** Deletes the invitation and returns its account when it existed and had not expired: usable once. */
    Optional<UUID> takeInvite(String tokenHash) {
        return jdbc.sql("delete from account_invite where token_hash = :hash and expires_at > now() returning account_id")
                .param("hash", tokenHash)
                .query(UUID.class)
                .optional();
    }

    static Account map(ResultSet rs, int row) throws SQLException {
        Array roles = rs.getArray("roles");
        return new Account(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("password_hash"),
                new HashSet<>(Arrays.asList((String[]) roles.getArray())), rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant());
    }

    /** The account an identity provider's (issuer, subject) was linked to. */
    Optional<Account> findByIdentity(String issuer, String subject) {
        return jdbc.sql("select a.id, a.username, a.password_hash, a.roles, a.enabled, a.created_at"
                        + " from account a join account_identity i on i.account_id = a.id"
                        + " where i.issuer = :issuer and i.subject = :subject")
                .param("issuer", issuer)
                .param("subject", subject)
                .query(AccountRepository::map)
                .optional();
    }

    /** Links (issuer, subject) to the account; false when it was linked already (a concurrent first sign-in). */
    boolean insertIdentityIfAbsent(String issuer, String subject, UUID accountId) {
        return jdbc.sql("""
                        insert into account_identity (issuer, subject, account_id) values (:issuer, :subject, :account)
                        on conflict (issuer, subject) do nothing""")
                .param("issuer", issuer)
                .param("subject", subject)
                .param("account", accountId)
                .update() == 1;
    }
}
