package org.jobsearch.discovery.searchconfig;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Every statement is scoped by owner. */
@Repository
class SearchConfigRepository {

    private static final String COLUMNS = "id, owner_id, search_term, related_terms, exclude_terms, location_filters, "
            + "active, created_at, updated_at";

    private final JdbcClient jdbc;

    SearchConfigRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SearchConfigView> findByOwner(UUID ownerId) {
        return jdbc.sql("select " + COLUMNS + " from search_config where owner_id = ? order by lower(search_term)")
                .param(ownerId).query(SearchConfigRepository::row).list();
    }

    Optional<SearchConfigView> find(UUID ownerId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from search_config where owner_id = ? and id = ?")
                .params(ownerId, id).query(SearchConfigRepository::row).optional();
    }

    List<SearchConfigView> findActiveByOwners(Collection<UUID> owners) {
        if (owners.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from search_config where active and owner_id = any(?) "
                        + "order by owner_id, lower(search_term)")
                .param(owners.toArray(UUID[]::new)).query(SearchConfigRepository::row).list();
    }

    Optional<UUID> findIdByTerm(UUID ownerId, String searchTerm) {
        return jdbc.sql("select id from search_config where owner_id = ? and lower(search_term) = lower(?)")
                .params(ownerId, searchTerm).query(UUID.class).optional();
    }

    void insert(UUID id, UUID ownerId, SearchConfigCommand c, Instant now) {
        jdbc.sql("""
                        insert into search_config (id, owner_id, search_term, related_terms, exclude_terms, location_filters,
                                                   active, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, ownerId, c.searchTerm(), c.relatedTerms().toArray(String[]::new),
                        c.excludeTerms().toArray(String[]::new), c.locationFilters().toArray(String[]::new), c.active(),
                        Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    int update(UUID ownerId, UUID id, SearchConfigCommand c, Instant now) {
        return jdbc.sql("""
                        update search_config set search_term = ?, related_terms = ?, exclude_terms = ?,
                               location_filters = ?, active = ?, updated_at = ?
                        where owner_id = ? and id = ?""")
                .params(c.searchTerm(), c.relatedTerms().toArray(String[]::new), c.excludeTerms().toArray(String[]::new),
                        c.locationFilters().toArray(String[]::new), c.active(), Timestamp.from(now), ownerId, id)
                .update();
    }

    int delete(UUID ownerId, UUID id) {
        return jdbc.sql("delete from search_config where owner_id = ? and id = ?").params(ownerId, id).update();
    }

    private static SearchConfigView row(ResultSet rs, int n) throws SQLException {
        return new SearchConfigView(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class),
                rs.getString("search_term"), strings(rs.getArray("related_terms")),
                strings(rs.getArray("exclude_terms")), strings(rs.getArray("location_filters")),
                rs.getBoolean("active"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
