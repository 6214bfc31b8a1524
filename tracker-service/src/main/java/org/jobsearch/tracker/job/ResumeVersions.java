package org.jobsearch.tracker.job;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The rendered versions of the resumes made for each job. Rows are facts that never change, so plain SQL: a version
 * seen twice (a re-sent event) is stored once.
 */
@Component
class ResumeVersions {

    // newest render first: a re-render always has a later occurredAt and a higher version
    private static final String ORDER = " order by rendered_at desc, version desc";
    private static final String COLUMNS = "select job_id, resume_id, version, pdf_path, rendered_at from job_resume_version";

    private final JdbcTemplate jdbc;

    ResumeVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return whether the version was new */
    boolean add(UUID ownerId, UUID jobId, ResumeLink link) {
        return jdbc.update("""
                insert into job_resume_version (resume_id, version, owner_id, job_id, pdf_path, rendered_at)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""",
                link.resumeId(), link.version(), ownerId, jobId, link.pdfPath(), Timestamp.from(link.renderedAt())) == 1;
    }

    /** Every version for the owner's job, newest first. */
    List<ResumeLink> ofJob(UUID ownerId, UUID jobId) {
        return jdbc.query(COLUMNS + " where owner_id = ? and job_id = ?" + ORDER,
                (rs, i) -> link(rs), ownerId, jobId);
    }

    /** The newest version for each of the owner's jobs among {@code jobIds} that has one. */
    Map<UUID, ResumeLink> latestOf(UUID ownerId, Collection<UUID> jobIds) {
        if (jobIds.isEmpty()) {
            return Map.of();
        }
        String placeholders = jobIds.stream().map(id -> "?").collect(Collectors.joining(", "));
        Object[] arguments = Stream.concat(Stream.of(ownerId), jobIds.stream()).toArray();
        List<Map.Entry<UUID, ResumeLink>> rows = jdbc.query(
                COLUMNS + " where owner_id = ? and job_id in (" + placeholders + ")" + ORDER,
                (rs, i) -> Map.entry(rs.getObject("job_id", UUID.class), link(rs)), arguments);
        return rows.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (newer, older) -> newer));
    }

    private static ResumeLink link(ResultSet rs) throws SQLException {
        return new ResumeLink(rs.getObject("resume_id", UUID.class), rs.getInt("version"), rs.getString("pdf_path"),
                rs.getTimestamp("rendered_at").toInstant());
    }
}
