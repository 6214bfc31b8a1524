package org.jobsearch.gateway.account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Plain SQL over the {@code account} table: a handful of statements need no ORM. */
@Repository
class AccountRepository {

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> findByUsername(String username) {
        return jdbc.sql("""
                        select id, username, password_hash, roles, enabled, created_at
                        from account where lower(username) = lower(:username)""")
                .param("username", username)
                .query(AccountRepository::map)
                .optional();
    }

    boolean existsWithRole(String role) {
        return jdbc.sql("select exists(select 1 from account where :role = any(roles))")
                .param("role", role)
                .query(Boolean.class)
                .single();
    }

    /** Inserts unless the user name is taken; false when it was (another instance may have won the race). */
    boolean insertIfAbsent(UUID id, String username, String passwordHash, Set<String> roles) {
        return jdbc.sql("""
                        insert into account (id, username, password_hash, roles)
                        values (:id, :username, :passwordHash, string_to_array(:roles, ','))
                        on conflict (lower(username)) do nothing""")
                .param("id", id)
                .param("username", username)
                .param("passwordHash", passwordHash)
                .param("roles", String.join(",", roles))
                .update() == 1;
    }

    private static Account map(ResultSet rs, int row) throws SQLException {
        Array roles = rs.getArray("roles");
        return new Account(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("password_hash"),
                new HashSet<>(Arrays.asList((String[]) roles.getArray())), rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant());
    }
}
