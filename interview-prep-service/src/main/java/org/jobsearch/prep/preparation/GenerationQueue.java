package org.jobsearch.prep.preparation;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code prep_generation} table: generations are recorded in the transaction that asks for them (an inbox
 * transaction or a REST request) and run by {@link GenerationWorker} after the commit, outside any transaction.
 */
@Repository
class GenerationQueue {

    private final JdbcTemplate jdbc;

    GenerationQueue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Claimed(UUID id, UUID ownerId, UUID applicationId, UUID jobId, UUID interviewId, String reason) {
    }

    GenerationView request(UUID ownerId, UUID applicationId, UUID jobId, UUID interviewId, String reason,
                           Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into prep_generation (id, owner_id, application_id, job_id, interview_id, reason, status,
                                             requested_at)
                values (?, ?, ?, ?, ?, ?, 'pending', ?)""",
                id, ownerId, applicationId, jobId, interviewId, reason, Timestamp.from(now));
        return new GenerationView(id, applicationId, interviewId, reason, "pending", null, null, now, null);
    }

    /** Whether a generation of this document is waiting, pending or running. */
    boolean open(UUID ownerId, UUID applicationId, UUID interviewId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from prep_generation
                               where application_id = ? and interview_id is not distinct from ? and owner_id = ?
                                 and status in ('waiting', 'pending', 'running'))""",
                Boolean.class, applicationId, interviewId, ownerId));
    }

    /**
     * Takes the oldest generation that can run: a pending one, a waiting one whose job context has arrived since, or
     * a running one whose instance was lost ({@code startedBefore}). {@code skip locked} lets replicas share the work.
     */
    Optional<Claimed> claim(Instant startedBefore) {
        return jdbc.query("""
                update prep_generation g set status = 'running', started_at = now(), error = null
                where g.id = (select c.id from prep_generation c
                              where c.status = 'pending'
                                 or (c.status = 'waiting' and exists (select 1 from job_context j
                                                                      where j.job_id = c.job_id
                                                                        and j.owner_id = c.owner_id))
                                 or (c.status = 'running' and c.started_at < ?)
                              order by c.requested_at
                              limit 1
                              for update skip locked)
                returning g.id, g.owner_id, g.application_id, g.job_id, g.interview_id, g.reason""",
                (rs, i) -> new Claimed(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class),
                        rs.getObject("application_id", UUID.class), rs.getObject("job_id", UUID.class),
                        rs.getObject("interview_id", UUID.class), rs.getString("reason")),
                Timestamp.from(startedBefore)).stream().findFirst();
    }

    /** Back to waiting: the claim picks it up again once the job context is there. */
    void waitForJob(UUID id) {
        jdbc.update("update prep_generation set status = 'waiting', started_at = null where id = ?", id);
    }

    void finish(UUID id, String status, UUID documentId, String error, Instant now) {
        jdbc.update("""
                update prep_generation set status = ?, document_id = ?, error = ?, finished_at = ?
                where id = ?""", status, documentId, error == null ? null : abbreviate(error), Timestamp.from(now), id);
    }

    /** The latest generation of the base and of each interview of the application. */
    List<GenerationView> latest(UUID ownerId, UUID applicationId) {
        return jdbc.query("""
                select distinct on (coalesce(interview_id, '00000000-0000-0000-0000-000000000000')) *
                from prep_generation where application_id = ? and owner_id = ?
                order by coalesce(interview_id, '00000000-0000-0000-0000-000000000000'), requested_at desc""",
                VIEW, applicationId, ownerId);
    }

    Optional<GenerationView> find(UUID ownerId, UUID id) {
        return jdbc.query("select * from prep_generation where id = ? and owner_id = ?", VIEW, id, ownerId)
                .stream().findFirst();
    }

    private static String abbreviate(String error) {
        return error.length() <= 2000 ? error : error.substring(0, 1999) + "…";
    }

    private static final RowMapper<GenerationView> VIEW = (rs, i) -> new GenerationView(
            rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
            rs.getObject("interview_id", UUID.class), rs.getString("reason"), rs.getString("status"),
            rs.getString("error"), rs.getObject("document_id", UUID.class),
            rs.getTimestamp("requested_at").toInstant(),
            rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant());
}
