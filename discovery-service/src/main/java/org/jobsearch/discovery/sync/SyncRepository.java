package org.jobsearch.discovery.sync;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class SyncRepository {

    private final JdbcClient jdbc;

    SyncRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a queued sync; false (nothing recorded) when another run already has {@code scheduleSlot}. */
    boolean insert(UUID id, UUID requestedBy, SyncRequest request, Instant scheduleSlot, Instant now) {
        return jdbc.sql("insert into sync_run (id, requested_by, company_id, keywords, max_postings, status, created_at, "
                        + "schedule_slot) values (?, ?, ?, ?, ?, 'queued', ?, ?) on conflict do nothing")
                .params(id, requestedBy, request.companyId(), request.keywords(), request.max(), Timestamp.from(now),
                        scheduleSlot == null ? null : Timestamp.from(scheduleSlot))
                .update() == 1;
    }

    void started(UUID id, int fetches, Instant now) {
        jdbc.sql("update sync_run set status = 'running', fetches_total = ?, started_at = ? where id = ?")
                .params(fetches, Timestamp.from(now), id).update();
    }

    void line(UUID id, SyncView.Line line) {
        jdbc.sql("""
                        insert into sync_line (sync_id, line_no, company_id, company, search_term, new_count, updated_count,
                                               total, new_to_review, error)
                        values (?, (select count(*) from sync_line where sync_id = ?), ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, id, line.companyId(), line.company(), line.searchTerm(), line.newListings(), line.updated(),
                        line.total(), line.newToReview(), line.error())
                .update();
        jdbc.sql("update sync_run set fetches_done = fetches_done + 1 where id = ?").param(id).update();
    }

    void finished(UUID id, String status, String error, Instant now) {
        jdbc.sql("update sync_run set status = ?, error = ?, finished_at = ? where id = ?")
                .params(status, error, Timestamp.from(now), id).update();
    }

    /** Who started the sync; empty for the scheduled one (or an unknown id). */
    Optional<UUID> requestedBy(UUID id) {
        return jdbc.sql("select requested_by from sync_run where id = ?").param(id)
                .query((rs, n) -> rs.getObject("requested_by", UUID.class))
                .optional()
                .filter(java.util.Objects::nonNull);
    }

    Optional<SyncView> find(UUID id) {
        List<SyncView.Line> lines = jdbc.sql("""
                        select company_id, company, search_term, new_count, updated_count, total, new_to_review, error
                        from sync_line where sync_id = ? order by line_no""")
                .param(id)
                .query((rs, n) -> new SyncView.Line(rs.getObject("company_id", UUID.class), rs.getString("company"),
                        rs.getString("search_term"), rs.getInt("new_count"), rs.getInt("updated_count"),
                        rs.getInt("total"), rs.getInt("new_to_review"), rs.getString("error")))
                .list();
        return jdbc.sql("select * from sync_run where id = ?").param(id)
                .query((rs, n) -> new SyncView(id, rs.getString("status"), rs.getObject("company_id", UUID.class),
                        rs.getString("keywords"), (Integer) rs.getObject("max_postings"), rs.getInt("fetches_total"),
                        rs.getInt("fetches_done"), rs.getString("error"), instant(rs.getTimestamp("created_at")),
                        instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")), lines))
                .optional();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
