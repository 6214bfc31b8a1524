package org.jobsearch.discovery.company;

import org.jobsearch.discovery.ats.AtsConfig;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The shared catalog and each user's follows. */
@Repository
class CompanyRepository {

    private static final String VIEW = """
            select c.id, c.name, c.ats_key, c.location_facet_ids, c.careers_url, c.active, c.created_at, c.updated_at,
                   f.owner_id is not null as followed, f.exclude_terms
            from company c left join company_follow f on f.company_id = c.id and f.owner_id = :viewer
            """;

    private final JdbcClient jdbc;

    CompanyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CompanyView> page(UUID viewer, int page, int size) {
        return jdbc.sql(VIEW + " order by lower(c.name), c.id limit :limit offset :offset")
                .param("viewer", viewer).param("limit", size).param("offset", (long) page * size)
                .query(CompanyRepository::row).list();
    }

    long count() {
        return jdbc.sql("select count(*) from company").query(Long.class).single();
    }

    Optional<CompanyView> find(UUID viewer, UUID id) {
        return jdbc.sql(VIEW + " where c.id = :id").param("viewer", viewer).param("id", id)
                .query(CompanyRepository::row).optional();
    }

    Optional<UUID> findIdByKey(String key) {
        return jdbc.sql("select id from company where lower(ats_key) = lower(?)").param(key).query(UUID.class).optional();
    }

    void insert(UUID id, CompanyCommand c, UUID createdBy, Instant now) {
        jdbc.sql("""
                        insert into company (id, name, platform, careers_url, ats_key, location_facet_ids, active,
                                             created_by, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, c.name(), platform(c.config()), c.careersUrl(), CompanyConfigs.key(c.config()),
                        CompanyConfigs.facets(c.config()).toArray(String[]::new), c.active(), createdBy,
                        Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    int update(UUID id, CompanyCommand c, Instant now) {
        return jdbc.sql("""
                        update company set name = ?, platform = ?, careers_url = ?, ats_key = ?, location_facet_ids = ?,
                                           active = ?, updated_at = ?
                        where id = ?""")
                .params(c.name(), platform(c.config()), c.careersUrl(), CompanyConfigs.key(c.config()),
                        CompanyConfigs.facets(c.config()).toArray(String[]::new), c.active(), Timestamp.from(now), id)
                .update();
    }

    int delete(UUID id) {
        return jdbc.sql("delete from company where id = ?").param(id).update();
    }

    void follow(UUID ownerId, UUID companyId, List<String> excludeTerms, Instant now) {
        jdbc.sql("""
                        insert into company_follow (owner_id, company_id, exclude_terms, followed_at) values (?, ?, ?, ?)
                        on conflict (owner_id, company_id) do update set exclude_terms = excluded.exclude_terms""")
                .params(ownerId, companyId, excludeTerms.toArray(String[]::new), Timestamp.from(now))
                .update();
    }

    int unfollow(UUID ownerId, UUID companyId) {
        return jdbc.sql("delete from company_follow where owner_id = ? and company_id = ?").params(ownerId, companyId)
                .update();
    }

    /** Active followed companies (optionally one), each with all its followers. */
    List<FollowedCompany> followed(UUID onlyCompany) {
        Map<UUID, List<FollowedCompany.Follower>> followers = new LinkedHashMap<>();
        Map<UUID, Object[]> companies = new LinkedHashMap<>();
        jdbc.sql("""
                        select c.id, c.name, c.ats_key, c.location_facet_ids, f.owner_id, f.exclude_terms
                        from company c join company_follow f on f.company_id = c.id
                        where c.active and (cast(:only as uuid) is null or c.id = :only)
                        order by lower(c.name), c.id, f.owner_id""")
                .param("only", onlyCompany)
                .query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    companies.computeIfAbsent(id, k -> {
                        try {
                            return new Object[] {rs.getString("name"), rs.getString("ats_key"),
                                    strings(rs.getArray("location_facet_ids"))};
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    followers.computeIfAbsent(id, k -> new ArrayList<>()).add(new FollowedCompany.Follower(
                            rs.getObject("owner_id", UUID.class), strings(rs.getArray("exclude_terms"))));
                });
        List<FollowedCompany> result = new ArrayList<>();
        companies.forEach((id, c) -> {
            @SuppressWarnings("unchecked")
            List<String> facets = (List<String>) c[2];
            result.add(new FollowedCompany(id, (String) c[0], CompanyConfigs.parse((String) c[1], facets),
                    followers.get(id)));
        });
        return result;
    }

    private static String platform(AtsConfig config) {
        return config.platform().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static CompanyView row(ResultSet rs, int n) throws SQLException {
        List<String> facets = strings(rs.getArray("location_facet_ids"));
        return new CompanyView(rs.getObject("id", UUID.class), rs.getString("name"),
                CompanyConfigs.parse(rs.getString("ats_key"), facets), rs.getString("careers_url"),
                rs.getBoolean("active"), rs.getBoolean("followed"), strings(rs.getArray("exclude_terms")),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
