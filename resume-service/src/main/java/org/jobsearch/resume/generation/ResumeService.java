package org.jobsearch.resume.generation;

import org.jobsearch.resume.jd.ParsedJd;
import org.jobsearch.resume.job.JobService;
import org.jobsearch.resume.job.JobView;
import org.jobsearch.resume.job.ListingNotFoundException;
import org.jobsearch.resume.listing.ListingService;
import org.jobsearch.resume.render.ResumeRenderer;
import org.jobsearch.resume.template.TemplateService;
import org.jobsearch.resume.template.TemplateView;
import org.jobsearch.rest.PageResponse;
import org.jobsearch.rest.ResourceNotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Resumes: queued from a JD (REST or a {@code ResumeRequested} command) and run by the pipeline worker (parse →
 * write → render), each step's status visible and a failed step retryable; edited per bullet and skills line and
 * re-rendered as new versions, earlier versions staying downloadable.
 */
@Service
public class ResumeService {

    private final ResumePipeline pipeline;
    private final PipelineWorker worker;
    private final JobService jobs;
    private final ListingService listings;
    private final TemplateService templates;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate transaction;

    ResumeService(ResumePipeline pipeline, PipelineWorker worker, JobService jobs, ListingService listings,
                  TemplateService templates, JdbcClient jdbc, JsonMapper json,
                  PlatformTransactionManager transactionManager) {
        this.pipeline = pipeline;
        this.worker = worker;
        this.jobs = jobs;
        this.listings = listings;
        this.templates = templates;
        this.jdbc = jdbc;
        this.json = json;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * Queues a resume; the worker runs it once the caller's transaction (the inbox's, for a command) commits. Nothing
     * is saved when the listing or the chosen template is unknown. A repeated {@code requestId} returns the resume it
     * queued before.
     *
     * @throws ListingNotFoundException       for a listing never discovered
     * @throws InvalidResumeRequestException  ({@code /template}) for a template that is not a built-in or the owner's
     */
    public ResumeView request(UUID ownerId, NewResume request) {
        if (request.listingId() != null && listings.find(request.listingId()).isEmpty()) {
            throw new ListingNotFoundException(request.listingId());
        }
        String template = null;
        if (request.template() != null) {
            template = templates.find(ownerId, request.template()).map(TemplateView::reference)
                    .orElseThrow(() -> new InvalidResumeRequestException("/template", "names no template: use a "
                            + "built-in's key (engineer, analyst) or the id of one of your templates"));
        }
        ObjectNode input = json.createObjectNode();
        input.put("jdText", request.listingId() == null ? request.jdText() : null);
        input.put("listingId", request.listingId() == null ? null : request.listingId().toString());
        input.put("source", request.source());
        input.put("template", template);
        UUID id = UUID.randomUUID();
        return transaction.execute(status -> {
            jdbc.sql("""
                            insert into resume (id, owner_id, input, request_id, status, next_step, steps, queued_at,
                                updated_at)
                            values (:id, :owner, cast(:input as jsonb), :request, 'queued', 'parse',
                                cast(:steps as jsonb), now(), now())
                            on conflict (owner_id, request_id) where request_id is not null do nothing""")
                    .param("id", id).param("owner", ownerId).param("input", json.writeValueAsString(input))
                    .param("request", request.requestId())
                    .param("steps", pipeline.stepsJson(ResumePipeline.pendingSteps()))
                    .update();
            UUID stored = request.requestId() == null ? id
                    : jdbc.sql("select id from resume where owner_id = :owner and request_id = :request")
                    .param("owner", ownerId).param("request", request.requestId()).query(UUID.class).single();
            worker.wakeAfterCommit();
            // read before the commit: the answer shows the resume as queued, however fast the worker starts
            return get(ownerId, stored);
        });
    }

    /** @throws ResourceNotFoundException for another user's or an unknown resume */
    public ResumeView get(UUID ownerId, UUID resumeId) {
        Row row = row(ownerId, resumeId);
        List<ResumeView.Version> versions = jdbc.sql("""
                        select version, style, file_name, created_at from resume_version where resume_id = :id
                        order by version""")
                .param("id", resumeId)
                .query((rs, n) -> new ResumeView.Version(rs.getInt("version"), rs.getString("style"),
                        rs.getString("file_name"), ResumePipeline.pdfPath(resumeId, rs.getInt("version")),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
        ResumeView.Version latest = versions.isEmpty() ? null : versions.get(versions.size() - 1);
        Coverage coverage = null;
        if (row.content() != null && row.jobId() != null) {
            coverage = Coverage.of(jobs.get(ownerId, row.jobId()).parse().requirements(), row.content());
        }
        return new ResumeView(resumeId, row.jobId(), row.company(), row.title(), row.template(), row.status(),
                row.steps(), row.failure(), latest == null ? null : latest.version(), row.writer(),
                latest == null ? null : latest.style(), latest == null ? null : latest.fileName(),
                latest == null ? null : latest.pdfPath(), row.content(), coverage, versions, row.updatedAt());
    }

    /** The owner's resumes, newest first. */
    public PageResponse<ResumeView.Summary> list(UUID ownerId, int page, int size) {
        long total = jdbc.sql("select count(*) from resume where owner_id = :owner").param("owner", ownerId)
                .query(Long.class).single();
        List<ResumeView.Summary> items = jdbc.sql("""
                        select r.id, r.job_id, r.company, r.title, r.status, r.updated_at,
                            (select max(v.version) from resume_version v where v.resume_id = r.id) as latest
                        from resume r where r.owner_id = :owner
                        order by r.queued_at desc, r.id
                        limit :size offset :offset""")
                .param("owner", ownerId).param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> new ResumeView.Summary(rs.getObject("id", UUID.class),
                        rs.getObject("job_id", UUID.class), rs.getString("company"), rs.getString("title"),
                        rs.getString("status"), (Integer) rs.getObject("latest"),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
        return new PageResponse<>(items, page, size, total);
    }

    /**
     * Queues a failed resume again from its failed step; the steps before it are not run again.
     *
     * @throws ResumeStateException (conflict) unless the resume has failed
     */
    public ResumeView retry(UUID ownerId, UUID resumeId) {
        transaction.executeWithoutResult(status -> {
            Row row = lockedRow(ownerId, resumeId);
            if (!"failed".equals(row.status())) {
                throw new ResumeStateException("Only a failed resume can be retried; this one is " + row.status(),
                        row.status(), true);
            }
            List<ResumeView.Step> steps = new ArrayList<>();
            boolean from = false;
            for (ResumeView.Step step : row.steps()) {
                from |= step.name().equals(row.failure().step());
                steps.add(from ? new ResumeView.Step(step.name(), "pending", null, null, null) : step);
            }
            jdbc.sql("""
                            update resume set status = 'queued', failure = null, steps = cast(:steps as jsonb),
                                queued_at = now(), updated_at = now()
                            where id = :id""")
                    .param("steps", pipeline.stepsJson(steps)).param("id", resumeId).update();
            worker.wakeAfterCommit();
        });
        return get(ownerId, resumeId);
    }

    /**
     * Excludes/includes a bullet or skills line, or sets/clears its override text.
     *
     * @throws ResourceNotFoundException      for an unknown item, or another user's resume
     * @throws InvalidResumeRequestException  ({@code /overrideText}) over 40 words or 300 characters
     */
    public ResumeView edit(UUID ownerId, UUID resumeId, String itemId, ItemEdit edit) {
        String override = edit.overrideText() == null || edit.overrideText().isBlank() ? null
                : edit.overrideText().strip();
        if (override != null && override.indexOf('\u0000') >= 0) {
            throw new InvalidResumeRequestException("/overrideText", "must not contain NUL characters");
        }
        if (override != null && override.length() > ItemEdit.MAX_OVERRIDE_CHARS) {
            throw new InvalidResumeRequestException("/overrideText", "must be at most " + ItemEdit.MAX_OVERRIDE_CHARS
                    + " characters (it has " + override.length() + ")");
        }
        if (override != null && override.split("\\s+").length > ItemEdit.MAX_OVERRIDE_WORDS) {
            throw new InvalidResumeRequestException("/overrideText", "must be at most " + ItemEdit.MAX_OVERRIDE_WORDS
                    + " words (it has " + override.split("\\s+").length + ")");
        }
        transaction.executeWithoutResult(status -> {
            Row row = lockedRow(ownerId, resumeId);
            if (row.content() == null) {
                throw new ResourceNotFoundException("resume item", itemId);
            }
            boolean[] found = {false};
            List<ResumeContent.Role> roles = row.content().roles().stream().map(role -> new ResumeContent.Role(
                    role.roleKey(), role.company(), role.title(), role.location(), role.start(), role.end(),
                    role.bullets().stream().map(b -> {
                        if (!itemId.equals(b.id())) {
                            return b;
                        }
                        found[0] = true;
                        return new ResumeContent.Bullet(b.id(), b.text(), b.projectKey(),
                                edit.exclude() != null ? edit.exclude() : b.exclude(),
                                edit.overrideTextSent() ? override : b.overrideText());
                    }).toList())).toList();
            List<ResumeContent.SkillsLine> skills = row.content().skills().stream().map(s -> {
                if (!itemId.equals(s.id())) {
                    return s;
                }
                found[0] = true;
                return new ResumeContent.SkillsLine(s.id(), s.category(), s.skills(),
                        edit.exclude() != null ? edit.exclude() : s.exclude(),
                        edit.overrideTextSent() ? override : s.overrideText());
            }).toList();
            if (!found[0]) {
                throw new ResourceNotFoundException("resume item", itemId);
            }
            jdbc.sql("update resume set content = cast(:content as jsonb), updated_at = now() where id = :id")
                    .param("content", json.writeValueAsString(new ResumeContent(roles, row.content().projects(),
                            skills)))
                    .param("id", resumeId).update();
        });
        return get(ownerId, resumeId);
    }

    /**
     * Renders the current content with its edits as the next version (style stepping from the template's own) and
     * publishes its {@code ResumeRendered}.
     *
     * @return the new version's number
     * @throws ResumeStateException (not possible yet) unless the pipeline is done
     */
    public int rerender(UUID ownerId, UUID resumeId) {
        Row row = row(ownerId, resumeId);
        if (!"done".equals(row.status())) {
            throw new ResumeStateException("The resume can be re-rendered once its pipeline is done; it is "
                    + row.status(), row.status(), false);
        }
        JobView job = jobs.get(ownerId, row.jobId());
        ResumeRenderer.Rendered rendered = pipeline.render(ownerId, row.content(), row.templateId());
        Instant now = Instant.now();
        return transaction.execute(status -> {
            // the content as locked now: an edit that landed during the render waits for the next version
            Row locked = lockedRow(ownerId, resumeId);
            ResumeRenderer.Rendered current = locked.content().equals(row.content()) ? rendered
                    : pipeline.render(ownerId, locked.content(), locked.templateId());
            int version = pipeline.saveVersion(resumeId, ownerId, job, locked.content(), locked.writer(), current,
                    now);
            jdbc.sql("update resume set updated_at = :now where id = :id")
                    .param("now", Timestamp.from(now)).param("id", resumeId).update();
            return version;
        });
    }

    /**
     * Writes and renders the next version of an already parsed job's resume right away (no queue): the job's one
     * resume is created on the first call.
     *
     * @param template a built-in's key or a template id; {@code null} chooses by the job's parse
     * @throws ResourceNotFoundException      for a job that is not the owner's
     * @throws InvalidResumeRequestException  ({@code /template}) for an unknown template
     * @throws ResumeNotPossibleException     without a contact profile, experience or a fitting template
     * @throws org.jobsearch.resume.render.ResumeTooLongException when even the dense style needs two pages
     */
    public ResumeView generate(UUID ownerId, UUID jobId, String template) {
        JobView job = jobs.get(ownerId, jobId);
        if (template != null && templates.find(ownerId, template).isEmpty()) {
            throw new InvalidResumeRequestException("/template", "names no template: use a built-in's key "
                    + "(engineer, analyst) or the id of one of your templates");
        }
        pipeline.contact(ownerId);
        ParsedJd parse = job.parse();
        TemplateView chosen = pipeline.template(ownerId, template, parse);
        ResumeContent content = pipeline.writeContent(ownerId, jobId, parse, chosen);
        ResumeRenderer.Rendered rendered = pipeline.render(ownerId, content, chosen.id());
        Instant now = Instant.now();
        List<ResumeView.Step> steps = ResumePipeline.STEPS.stream()
                .map(s -> new ResumeView.Step(s, "done", now, now, null)).toList();
        UUID resumeId = transaction.execute(status -> {
            jdbc.sql("""
                            insert into resume (id, owner_id, job_id, template, status, steps, queued_at, updated_at)
                            values (:id, :owner, :job, :template, 'done', cast(:steps as jsonb), :now, :now)
                            on conflict (owner_id, job_id) do nothing""")
                    .param("id", UUID.randomUUID()).param("owner", ownerId).param("job", jobId)
                    .param("template", chosen.reference()).param("steps", pipeline.stepsJson(steps))
                    .param("now", Timestamp.from(now)).update();
            UUID id = jdbc.sql("select id from resume where owner_id = :owner and job_id = :job for update")
                    .param("owner", ownerId).param("job", jobId).query(UUID.class).single();
            jdbc.sql("""
                            update resume set template = :template, template_id = :templateId, writer = :writer,
                                content = cast(:content as jsonb), company = :company, title = :title,
                                status = 'done', next_step = null, failure = null, steps = cast(:steps as jsonb),
                                updated_at = :now
                            where id = :id""")
                    .param("template", chosen.reference()).param("templateId", chosen.id())
                    .param("writer", pipeline.writerName()).param("content", json.writeValueAsString(content))
                    .param("company", parse.metadata().company()).param("title", parse.metadata().listingJobTitle())
                    .param("steps", pipeline.stepsJson(steps)).param("now", Timestamp.from(now)).param("id", id)
                    .update();
            pipeline.saveVersion(id, ownerId, job, content, pipeline.writerName(), rendered, now);
            return id;
        });
        return get(ownerId, resumeId);
    }

    /** A version's PDF, for its owner only. */
    public Pdf pdf(UUID ownerId, UUID resumeId, int version) {
        return jdbc.sql("""
                        select v.file_name, v.pdf from resume_version v join resume r on r.id = v.resume_id
                        where r.id = :id and r.owner_id = :owner and v.version = :version""")
                .param("id", resumeId).param("owner", ownerId).param("version", version)
                .query((rs, n) -> new Pdf(rs.getString("file_name"), rs.getBytes("pdf")))
                .optional().orElseThrow(() -> new ResourceNotFoundException("resume version",
                        resumeId + " v" + version));
    }

    public record Pdf(String fileName, byte[] bytes) {
    }

    private record Row(UUID jobId, String company, String title, String template, UUID templateId, String status,
                       List<ResumeView.Step> steps, ResumeView.Failure failure, ResumeContent content, String writer,
                       Instant updatedAt) {
    }

    private Row row(UUID ownerId, UUID resumeId) {
        return jdbc.sql(ROW + " where id = :id and owner_id = :owner")
                .param("id", resumeId).param("owner", ownerId).query((rs, n) -> row(rs)).optional()
                .orElseThrow(() -> new ResourceNotFoundException("resume", resumeId));
    }

    private Row lockedRow(UUID ownerId, UUID resumeId) {
        return jdbc.sql(ROW + " where id = :id and owner_id = :owner for update")
                .param("id", resumeId).param("owner", ownerId).query((rs, n) -> row(rs)).optional()
                .orElseThrow(() -> new ResourceNotFoundException("resume", resumeId));
    }

    private static final String ROW = """
            select job_id, company, title, template, template_id, status, steps, failure, content, writer, updated_at
            from resume""";

    private Row row(ResultSet rs) throws SQLException {
        String failure = rs.getString("failure");
        String content = rs.getString("content");
        return new Row(rs.getObject("job_id", UUID.class), rs.getString("company"), rs.getString("title"),
                rs.getString("template"), rs.getObject("template_id", UUID.class), rs.getString("status"),
                pipeline.steps(rs.getString("steps")),
                failure == null ? null : json.readValue(failure, ResumeView.Failure.class),
                content == null ? null : json.readValue(content, ResumeContent.class), rs.getString("writer"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
