package org.jobsearch.discovery.listing;

import org.jobsearch.discovery.ats.Compensation;
import org.jobsearch.discovery.ats.Posting;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Listings (shared), their fetch scopes and each user's reviews. Reads join the catalog's {@code company} table of the
 * same database for the name and the active flag; every read of reviews is scoped by owner.
 */
@Repository
class ListingRepository {

    record Existing(UUID id, UUID canonicalId, String contentHash) {
    }

    record Candidate(UUID id, String platform, String descriptionHtml) {
    }

    record ReviewWrite(boolean inserted, String status) {
    }

    /** One review to add in a page's batch; {@code listingId} is the reviewed (canonical) listing. */
    record ReviewRow(UUID ownerId, UUID listingId, List<String> terms, boolean applied) {
    }

    /** An application of one of the owners that may concern the page being stored. */
    record Application(UUID ownerId, UUID sourceListingId, String externalJobId, boolean sameCompany) {
    }

    /** A listing the owner has a review of, visible when it is not stale and its company is active. */
    private static final String VISIBLE = """
            from listing_review r
            join job_listing l on l.id = r.listing_id
            join company c on c.id = l.company_id
            where r.owner_id = :owner and c.active
              and exists (select 1 from job_listing d join listing_scope s on s.listing_id = d.id
                          where (d.id = l.id or d.canonical_id = l.id) and not s.stale)
            """;

    private static final String INSERT = """
            insert into job_listing (id, company_id, platform, external_id, title, location, remote, posted_date,
                url, department, description_html, compensation_min, compensation_max, compensation_currency,
                compensation_interval, compensation_summary, dedupe_key, canonical_id, content_hash,
                first_seen_at, last_fetched_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String UPDATE_CONTENT = """
            update job_listing set title = ?, location = ?, remote = ?, posted_date = ?, url = ?, department = ?,
                description_html = ?, compensation_min = ?, compensation_max = ?, compensation_currency = ?,
                compensation_interval = ?, compensation_summary = ?, dedupe_key = ?, content_hash = ?,
                last_fetched_at = ?
            where id = ?""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    ListingRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The company's listings of one platform among {@code externalIds}, by external id. */
    Map<String, Existing> findAll(UUID companyId, String platform, List<String> externalIds) {
        Map<String, Existing> found = new java.util.HashMap<>();
        jdbc.sql("select external_id, id, canonical_id, content_hash from job_listing "
                        + "where company_id = ? and platform = ? and external_id = any(cast(? as text[]))")
                .params(companyId, platform, externalIds.toArray(String[]::new))
                .query(rs -> {
                    found.put(rs.getString("external_id"), new Existing(rs.getObject("id", UUID.class),
                            rs.getObject("canonical_id", UUID.class), rs.getString("content_hash")));
                });
        return found;
    }

    /** {@link #canonicalCandidates} for several dedupe keys at once, each key's candidates oldest first. */
    Map<String, List<Candidate>> canonicalCandidates(UUID companyId, List<String> dedupeKeys, String platform) {
        Map<String, List<Candidate>> byKey = new java.util.HashMap<>();
        if (dedupeKeys.isEmpty()) {
            return byKey;
        }
        jdbc.sql("select id, platform, description_html, dedupe_key from job_listing where company_id = ? "
                        + "and dedupe_key = any(cast(? as text[])) and platform <> ? and canonical_id is null "
                        + "order by first_seen_at")
                .params(companyId, dedupeKeys.toArray(String[]::new), platform)
                .query(rs -> {
                    byKey.computeIfAbsent(rs.getString("dedupe_key"), k -> new ArrayList<>())
                            .add(new Candidate(rs.getObject("id", UUID.class), rs.getString("platform"),
                                    rs.getString("description_html")));
                });
        return byKey;
    }

    /**
     * The owners' tracked applications that name one of {@code listingIds} as their source, or one of
     * {@code externalIds} at a company of that name (the same rule as {@code AppliedJobService.hasApplied}).
     */
    List<Application> applications(List<UUID> ownerIds, String company, List<String> externalIds,
                                   List<UUID> listingIds) {
        if (ownerIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select owner_id, source_listing_id, external_job_id,
                               coalesce(lower(btrim(company)) = lower(btrim(:company)), false) as same_company
                        from applied_job
                        where owner_id = any(cast(:owners as uuid[]))
                          and (source_listing_id = any(cast(:listingIds as uuid[]))
                               or (lower(btrim(company)) = lower(btrim(:company))
                                   and external_job_id = any(cast(:externalIds as text[]))))""")
                .param("owners", ownerIds.toArray(UUID[]::new)).param("company", company)
                .param("listingIds", listingIds.toArray(UUID[]::new))
                .param("externalIds", externalIds.toArray(String[]::new))
                .query((rs, n) -> new Application(rs.getObject("owner_id", UUID.class),
                        rs.getObject("source_listing_id", UUID.class), rs.getString("external_job_id"),
                        rs.getBoolean("same_company")))
                .list();
    }

    /** {@link #insert} for a page's new listings in one JDBC batch; each row is {@link #insertParams}. */
    void insertAll(List<Object[]> rows) {
        if (!rows.isEmpty()) {
            batch.batchUpdate(INSERT, rows);
        }
    }

    static Object[] insertParams(UUID id, UUID companyId, Posting p, String dedupeKey, UUID canonicalId, String hash,
                                 Instant now) {
        Compensation pay = p.compensation();
        return new Object[]{id, companyId, platform(p), p.externalId(), p.title(), p.location(), p.remote(),
                date(p.postedDate()), p.url(), p.department(), p.descriptionHtml(), pay == null ? null : pay.min(),
                pay == null ? null : pay.max(), pay == null ? null : pay.currency(),
                pay == null || pay.interval() == null ? null : pay.interval().name().toLowerCase(Locale.ROOT),
                pay == null ? null : pay.summary(), dedupeKey, canonicalId, hash, Timestamp.from(now),
                Timestamp.from(now)};
    }

    /** {@link #updateContent} for a page's changed listings in one JDBC batch; each row is {@link #updateParams}. */
    void updateAll(List<Object[]> rows) {
        if (!rows.isEmpty()) {
            batch.batchUpdate(UPDATE_CONTENT, rows);
        }
    }

    static Object[] updateParams(UUID id, Posting p, String dedupeKey, String hash, Instant now) {
        Compensation pay = p.compensation();
        return new Object[]{p.title(), p.location(), p.remote(), date(p.postedDate()), p.url(), p.department(),
                p.descriptionHtml(), pay == null ? null : pay.min(), pay == null ? null : pay.max(),
                pay == null ? null : pay.currency(),
                pay == null || pay.interval() == null ? null : pay.interval().name().toLowerCase(Locale.ROOT),
                pay == null ? null : pay.summary(), dedupeKey, hash, Timestamp.from(now), id};
    }

    void touchAll(List<UUID> ids, Instant now) {
        if (!ids.isEmpty()) {
            jdbc.sql("update job_listing set last_fetched_at = ? where id = any(cast(? as uuid[]))")
                    .params(Timestamp.from(now), ids.toArray(UUID[]::new)).update();
        }
    }

    /** {@link #seen} for distinct listings in one statement. */
    void seenAll(List<UUID> listingIds, String scope, Instant now) {
        if (!listingIds.isEmpty()) {
            jdbc.sql("""
                            insert into listing_scope (listing_id, search_term, last_seen_at, stale)
                            select id, ?, ?, false from unnest(cast(? as uuid[])) as ids(id)
                            on conflict (listing_id, search_term) do update set last_seen_at = excluded.last_seen_at, stale = false""")
                    .params(scope, Timestamp.from(now), listingIds.toArray(UUID[]::new)).update();
        }
    }

    /**
     * {@link #review} for reviews of distinct (owner, listing) pairs in one statement (a multi-row upsert may touch a
     * row only once); the writes come back in no particular order.
     */
    List<ReviewWrite> reviewAll(List<ReviewRow> rows, Instant now) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> flatTerms = new ArrayList<>();
        List<Integer> flatRow = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            for (String term : rows.get(i).terms()) {
                flatTerms.add(term);
                flatRow.add(i + 1);
            }
        }
        return jdbc.sql("""
                        insert into listing_review as r (owner_id, listing_id, status, matched_terms, created_at, status_changed_at)
                        select w.owner_id, w.listing_id, case when w.applied then 'applied' else 'new' end,
                               array(select t.term from unnest(cast(:terms as text[]), cast(:termRows as int[]))
                                         with ordinality as t(term, row_no, ord)
                                     where t.row_no = w.row_no order by t.ord),
                               :now, :now
                        from unnest(cast(:owners as uuid[]), cast(:listings as uuid[]), cast(:applied as boolean[]))
                             with ordinality as w(owner_id, listing_id, applied, row_no)
                        on conflict (owner_id, listing_id) do update set
                            matched_terms = array(select distinct t from unnest(r.matched_terms || excluded.matched_terms) t order by t),
                            status = case when excluded.status = 'applied' then 'applied' else r.status end,
                            status_changed_at = case when excluded.status = 'applied' and r.status <> 'applied'
                                                     then excluded.status_changed_at else r.status_changed_at end
                        returning (xmax = 0) as inserted, status""")
                .param("terms", flatTerms.toArray(String[]::new)).param("termRows", flatRow.toArray(Integer[]::new))
                .param("owners", rows.stream().map(ReviewRow::ownerId).toArray(UUID[]::new))
                .param("listings", rows.stream().map(ReviewRow::listingId).toArray(UUID[]::new))
                .param("applied", rows.stream().map(ReviewRow::applied).toArray(Boolean[]::new))
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new ReviewWrite(rs.getBoolean("inserted"), rs.getString("status")))
                .list();
    }

    Optional<Existing> find(UUID companyId, String platform, String externalId) {
        return jdbc.sql("select id, canonical_id, content_hash from job_listing "
                        + "where company_id = ? and platform = ? and external_id = ?")
                .params(companyId, platform, externalId)
                .query((rs, n) -> new Existing(rs.getObject("id", UUID.class), rs.getObject("canonical_id", UUID.class),
                        rs.getString("content_hash")))
                .optional();
    }

    List<Candidate> canonicalCandidates(UUID companyId, String dedupeKey, String platform) {
        return jdbc.sql("select id, platform, description_html from job_listing "
                        + "where company_id = ? and dedupe_key = ? and platform <> ? and canonical_id is null order by first_seen_at")
                .params(companyId, dedupeKey, platform)
                .query((rs, n) -> new Candidate(rs.getObject("id", UUID.class), rs.getString("platform"),
                        rs.getString("description_html")))
                .list();
    }

    void insert(UUID id, UUID companyId, Posting p, String dedupeKey, UUID canonicalId, String hash, Instant now) {
        batch.update(INSERT, insertParams(id, companyId, p, dedupeKey, canonicalId, hash, now));
    }

    void updateContent(UUID id, Posting p, String dedupeKey, String hash, Instant now) {
        batch.update(UPDATE_CONTENT, updateParams(id, p, dedupeKey, hash, now));
    }

    void touch(UUID id, Instant now) {
        jdbc.sql("update job_listing set last_fetched_at = ? where id = ?").params(Timestamp.from(now), id).update();
    }

    void seen(UUID listingId, String scope, Instant now) {
        jdbc.sql("""
                        insert into listing_scope (listing_id, search_term, last_seen_at, stale) values (?, ?, ?, false)
                        on conflict (listing_id, search_term) do update set last_seen_at = excluded.last_seen_at, stale = false""")
                .params(listingId, scope, Timestamp.from(now)).update();
    }

    /** Adds the matched terms to the owner's review (creating it); {@code applied} moves it to applied. */
    ReviewWrite review(UUID ownerId, UUID listingId, List<String> terms, boolean applied, Instant now) {
        return jdbc.sql("""
                        insert into listing_review as r (owner_id, listing_id, status, matched_terms, created_at, status_changed_at)
                        values (:owner, :listing, :status, :terms, :now, :now)
                        on conflict (owner_id, listing_id) do update set
                            matched_terms = array(select distinct t from unnest(r.matched_terms || excluded.matched_terms) t order by t),
                            status = case when :applied then 'applied' else r.status end,
                            status_changed_at = case when :applied and r.status <> 'applied' then excluded.status_changed_at
                                                     else r.status_changed_at end
                        returning (xmax = 0) as inserted, status""")
                .param("owner", ownerId).param("listing", listingId)
                .param("status", applied ? "applied" : "new").param("terms", terms.toArray(String[]::new))
                .param("now", Timestamp.from(now)).param("applied", applied)
                .query((rs, n) -> new ReviewWrite(rs.getBoolean("inserted"), rs.getString("status")))
                .single();
    }

    int markStale(UUID companyId, String scope, Instant notSeenSince) {
        return jdbc.sql("""
                        update listing_scope s set stale = true
                        from job_listing l
                        where l.id = s.listing_id and l.company_id = ? and s.search_term = ? and not s.stale
                          and s.last_seen_at < ?""")
                .params(companyId, scope, Timestamp.from(notSeenSince)).update();
    }

    int removeStale(Instant cutoff, List<String> protectingStatuses) {
        return jdbc.sql("""
                        delete from job_listing l
                        where l.last_fetched_at < :cutoff
                          and not exists (select 1 from listing_scope s where s.listing_id = l.id and not s.stale)
                          and not exists (select 1 from job_listing d join listing_scope s on s.listing_id = d.id
                                          where d.canonical_id = l.id and not s.stale)
                          and not exists (select 1 from listing_review r
                                          where r.listing_id = l.id and r.status = any(:protecting))""")
                .param("cutoff", Timestamp.from(cutoff)).param("protecting", protectingStatuses.toArray(String[]::new))
                .update();
    }

    int markApplied(UUID ownerId, String company, String externalJobId, UUID sourceListingId, Instant now) {
        return jdbc.sql("""
                        update listing_review r set status = 'applied', status_changed_at = :now
                        from job_listing l join company c on c.id = l.company_id
                        where r.owner_id = :owner and r.status <> 'applied' and r.listing_id = coalesce(l.canonical_id, l.id)
                          and (l.id = cast(:source as uuid) or l.canonical_id = cast(:source as uuid)
                               or (lower(btrim(c.name)) = lower(btrim(:company)) and l.external_id = cast(:external as text)))""")
                .param("now", Timestamp.from(now)).param("owner", ownerId).param("source", sourceListingId)
                .param("company", company).param("external", externalJobId)
                .update();
    }

    List<ListingView> page(UUID owner, ListingQuery q, int page, int size) {
        List<ListingView> rows = filtered(jdbc.sql("""
                select l.id, l.company_id, c.name as company, l.platform, l.external_id, l.title, l.location, l.remote,
                       l.posted_date, l.url, l.department, l.description_html, l.compensation_summary,
                       l.first_seen_at, l.last_fetched_at, r.status, r.matched_terms
                """ + VISIBLE + FILTERS + " order by l.last_fetched_at desc, l.id limit :limit offset :offset"), owner, q)
                .param("limit", size).param("offset", (long) page * size)
                .query(ListingRepository::row).list();
        if (rows.isEmpty()) {
            return rows;
        }
        Map<UUID, List<ListingView.Source>> sources = new java.util.HashMap<>();
        jdbc.sql("select id, coalesce(canonical_id, id) as canonical, platform, external_id, url from job_listing "
                        + "where id = any(:ids) or canonical_id = any(:ids) order by first_seen_at, id")
                .param("ids", rows.stream().map(ListingView::id).toArray(UUID[]::new))
                .query(rs -> {
                    sources.computeIfAbsent(rs.getObject("canonical", UUID.class), k -> new ArrayList<>())
                            .add(new ListingView.Source(rs.getObject("id", UUID.class), rs.getString("platform"),
                                    rs.getString("external_id"), rs.getString("url")));
                });
        return rows.stream().map(v -> v.withSources(sources.getOrDefault(v.id(), List.of()))).toList();
    }

    long count(UUID owner, ListingQuery q) {
        return filtered(jdbc.sql("select count(*) " + VISIBLE + FILTERS), owner, q).query(Long.class).single();
    }

    Map<String, Long> countsByStatus(UUID owner) {
        return jdbc.sql("select r.status, count(*) as n " + VISIBLE + " group by r.status").param("owner", owner)
                .query((rs, n) -> Map.entry(rs.getString("status"), rs.getLong("n"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    Optional<String> status(UUID owner, UUID listingId) {
        return jdbc.sql("select status from listing_review where owner_id = ? and listing_id = ?")
                .params(owner, listingId).query(String.class).optional();
    }

    int setStatus(UUID owner, UUID listingId, String status, Instant now) {
        return jdbc.sql("update listing_review set status = ?, status_changed_at = ? "
                        + "where owner_id = ? and listing_id = ? and status <> 'applied'")
                .params(status, Timestamp.from(now), owner, listingId).update();
    }

    int bulkMove(UUID owner, String from, String to, Instant now) {
        return jdbc.sql("""
                        update listing_review r set status = :to, status_changed_at = :now
                        where r.owner_id = :owner and r.status = :from and r.listing_id in (select l.id
                        """ + VISIBLE + ")")
                .param("to", to).param("now", Timestamp.from(now)).param("owner", owner).param("from", from).update();
    }

    private static final String FILTERS = """
              and (cast(:status as text) is null or r.status = :status)
              and (cast(:companyId as uuid) is null or l.company_id = :companyId)
              and (cast(:keywords as text) is null or l.title ilike :keywords escape '\\' or l.location ilike :keywords escape '\\')
              and (cast(:remote as boolean) is null or l.remote = :remote)
              and (cast(:postedSince as date) is null or l.posted_date >= :postedSince)
            """;

    private static JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec spec, UUID owner, ListingQuery q) {
        String keywords = q.keywords() == null ? null
                : "%" + q.keywords().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return spec.param("owner", owner)
                .param("status", q.status() == null ? null : q.status().value())
                .param("companyId", q.companyId())
                .param("keywords", keywords)
                .param("remote", q.remote())
                .param("postedSince", q.postedSince() == null ? null : Date.valueOf(q.postedSince()));
    }

    private static ListingView row(ResultSet rs, int n) throws SQLException {
        Date posted = rs.getDate("posted_date");
        return new ListingView(rs.getObject("id", UUID.class), rs.getObject("company_id", UUID.class),
                rs.getString("company"), rs.getString("platform"), rs.getString("external_id"), rs.getString("title"),
                rs.getString("location"), (Boolean) rs.getObject("remote"),
                posted == null ? null : posted.toLocalDate(), rs.getString("url"), rs.getString("department"),
                rs.getString("description_html"), rs.getString("compensation_summary"),
                ReviewStatus.of(rs.getString("status")), List.of((String[]) rs.getArray("matched_terms").getArray()),
                rs.getTimestamp("first_seen_at").toInstant(), rs.getTimestamp("last_fetched_at").toInstant(), List.of());
    }

    private static String platform(Posting p) {
        return p.platform().name().toLowerCase(Locale.ROOT);
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
