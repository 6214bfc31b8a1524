package org.jobsearch.prep.preparation;

import org.jobsearch.events.InterviewScheduled;
import org.jobsearch.events.JdParsed;
import org.jobsearch.events.ResumeRendered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The inputs of preparation, as events delivered them: job contexts, resume contents, interviews (with debrief
 * notes). Every write is idempotent, tolerates any arrival order and changes nothing for another owner's row; every
 * read is owner-scoped.
 */
@Repository
class InputStore {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    InputStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @return whether the row now reflects the event (false: older than what is kept, or another owner's job) */
    boolean saveJob(JdParsed event) {
        return jdbc.update("""
                insert into job_context (job_id, owner_id, company, title, occurred_at, event)
                values (?, ?, ?, ?, ?, ?::jsonb)
                on conflict (job_id) do update set
                    company = excluded.company, title = excluded.title,
                    occurred_at = excluded.occurred_at, event = excluded.event
                where job_context.owner_id = excluded.owner_id
                  and excluded.occurred_at >= job_context.occurred_at""",
                event.jobId(), event.ownerId(), event.metadata().company(), event.metadata().listingJobTitle(),
                Timestamp.from(event.occurredAt()), json.writeValueAsString(event)) > 0;
    }

    Optional<JdParsed> job(UUID ownerId, UUID jobId) {
        return jdbc.query("select event from job_context where job_id = ? and owner_id = ?",
                (rs, i) -> json.readValue(rs.getString(1), JdParsed.class), jobId, ownerId).stream().findFirst();
    }

    /** Keeps the highest version of each resume. */
    boolean saveResume(ResumeRendered event) {
        return jdbc.update("""
                insert into resume_content (resume_id, owner_id, job_id, version, occurred_at, content)
                values (?, ?, ?, ?, ?, ?::jsonb)
                on conflict (resume_id) do update set
                    job_id = excluded.job_id, version = excluded.version,
                    occurred_at = excluded.occurred_at, content = excluded.content
                where resume_content.owner_id = excluded.owner_id
                  and excluded.version > resume_content.version""",
                event.resumeId(), event.ownerId(), event.jobId(), event.version(), Timestamp.from(event.occurredAt()),
                json.writeValueAsString(event.content())) > 0;
    }

    /** The job's most recently rendered resume. */
    Optional<ResumeRendered.Content> resume(UUID ownerId, UUID jobId) {
        return jdbc.query("""
                        select content from resume_content where job_id = ? and owner_id = ?
                        order by occurred_at desc, version desc limit 1""",
                (rs, i) -> json.readValue(rs.getString(1), ResumeRendered.Content.class), jobId, ownerId)
                .stream().findFirst();
    }

    /**
     * Records the interview as the event describes it, keeping its debrief notes.
     *
     * @return the row as it was before, if there was one of this owner; empty also when nothing changed
     */
    SavedInterview saveInterview(InterviewScheduled event) {
        Optional<InterviewView> before = interview(event.ownerId(), event.interviewId());
        int rows = jdbc.update("""
                insert into interview (interview_id, owner_id, application_id, job_id, change, stage, format, focus,
                                       interviewer_name, interviewer_title, scheduled_at, event_occurred_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (interview_id) do update set
                    change = excluded.change, stage = excluded.stage, format = excluded.format,
                    focus = excluded.focus, interviewer_name = excluded.interviewer_name,
                    interviewer_title = excluded.interviewer_title, scheduled_at = excluded.scheduled_at,
                    event_occurred_at = excluded.event_occurred_at
                where interview.owner_id = excluded.owner_id
                  and interview.application_id = excluded.application_id
                  and excluded.event_occurred_at >= interview.event_occurred_at""",
                event.interviewId(), event.ownerId(), event.applicationId(), event.jobId(),
                event.change().name().toLowerCase(Locale.ROOT), event.stage(), event.format(), event.focus(),
                event.interviewerName(), event.interviewerTitle(), Timestamp.from(event.scheduledAt()),
                Timestamp.from(event.occurredAt()));
        return new SavedInterview(rows > 0, before.orElse(null));
    }

    record SavedInterview(boolean applied, InterviewView before) {
    }

    Optional<InterviewView> interview(UUID ownerId, UUID interviewId) {
        return jdbc.query("select * from interview where interview_id = ? and owner_id = ?", INTERVIEW, interviewId,
                ownerId).stream().findFirst();
    }

    /** The application's interviews by time, cancelled ones included. */
    List<InterviewView> interviews(UUID ownerId, UUID applicationId) {
        return jdbc.query("""
                select * from interview where application_id = ? and owner_id = ?
                order by scheduled_at, interview_id""", INTERVIEW, applicationId, ownerId);
    }

    boolean saveDebrief(UUID ownerId, UUID interviewId, String questionsAsked, String selfReflection, Instant at) {
        return jdbc.update("""
                update interview set questions_asked = ?, self_reflection = ?, debrief_updated_at = ?
                where interview_id = ? and owner_id = ?""",
                questionsAsked, selfReflection, Timestamp.from(at), interviewId, ownerId) > 0;
    }

    private static final RowMapper<InterviewView> INTERVIEW = (rs, i) -> new InterviewView(
            rs.getObject("interview_id", UUID.class), rs.getObject("application_id", UUID.class),
            rs.getObject("job_id", UUID.class), rs.getString("change"), rs.getString("stage"),
            rs.getString("format"), rs.getString("focus"), rs.getString("interviewer_name"),
            rs.getString("interviewer_title"), rs.getTimestamp("scheduled_at").toInstant(),
            rs.getString("questions_asked"), rs.getString("self_reflection"),
            rs.getTimestamp("debrief_updated_at") == null ? null : rs.getTimestamp("debrief_updated_at").toInstant());
}
