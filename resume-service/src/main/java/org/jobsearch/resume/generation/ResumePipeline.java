package org.jobsearch.resume.generation;

import org.jobsearch.events.ResumeRendered;
import org.jobsearch.llm.LlmFailure;
import org.jobsearch.messaging.outbox.OutboxWriter;
import org.jobsearch.resume.experience.ContactProfile;
import org.jobsearch.resume.experience.ExperienceProject;
import org.jobsearch.resume.experience.ExperienceRole;
import org.jobsearch.resume.experience.ExperienceService;
import org.jobsearch.resume.jd.ParsedJd;
import org.jobsearch.resume.job.JobService;
import org.jobsearch.resume.job.JobView;
import org.jobsearch.resume.job.ListingNotFoundException;
import org.jobsearch.resume.job.NewJob;
import org.jobsearch.resume.render.ResumeDocument;
import org.jobsearch.resume.render.ResumeFileName;
import org.jobsearch.resume.render.ResumeRenderer;
import org.jobsearch.resume.render.ResumeTemplate;
import org.jobsearch.resume.render.ResumeTooLongException;
import org.jobsearch.resume.template.RoleConfig;
import org.jobsearch.resume.template.TemplateService;
import org.jobsearch.resume.template.TemplateView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The resume pipeline's steps — parse, write, render — and the rows that record them. Each step does its slow work
 * (a model call, a render) with no transaction open and then saves its result, the step's status and the next step
 * in one short transaction, guarded by the claim's token: a worker whose lease ran out cannot overwrite the work of
 * the instance that took the resume over. A failed step records its reason; a retry starts from it and reuses what
 * the earlier steps saved (the job and its parse, the written content).
 */
@Component
class ResumePipeline {

    private static final Logger log = LoggerFactory.getLogger(ResumePipeline.class);

    static final List<String> STEPS = List.of("parse", "write", "render");
    private static final Map<String, String> RUNNING = Map.of("parse", "parsing", "write", "writing",
            "render", "rendering");
    /** Bullets per role by position on the resume when the template configures no roles: the newest gets most. */
    private static final int[] MAX_BULLETS = {5, 4, 3};
    private static final ZoneId FILE_DATE_ZONE = ZoneId.of("UTC");
    private static final TypeReference<List<ResumeView.Step>> STEP_LIST = new TypeReference<>() {
    };

    private final JobService jobs;
    private final ExperienceService experience;
    private final TemplateService templates;
    private final BulletWriter writer;
    private final ResumeRenderer renderer;
    private final OutboxWriter outbox;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate transaction;

    ResumePipeline(JobService jobs, ExperienceService experience, TemplateService templates, BulletWriter writer,
                   ResumeRenderer renderer, OutboxWriter outbox, JdbcClient jdbc, JsonMapper json,
                   PlatformTransactionManager transactionManager) {
        this.jobs = jobs;
        this.experience = experience;
        this.templates = templates;
        this.writer = writer;
        this.renderer = renderer;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.json = json;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** A resume taken by this worker: {@code token} proves the claim is still ours when a step saves. */
    record Claim(UUID resumeId, UUID ownerId, UUID token, String step) {
    }

    /** A claim that another instance has taken over after our lease ran out: stop without writing. */
    static final class LostClaim extends RuntimeException {
        LostClaim(UUID resumeId) {
            super("resume " + resumeId + " was taken over by another worker");
        }
    }

    static List<ResumeView.Step> pendingSteps() {
        return STEPS.stream().map(s -> new ResumeView.Step(s, "pending", null, null, null)).toList();
    }

    String stepsJson(List<ResumeView.Step> steps) {
        return json.writeValueAsString(steps);
    }

    List<ResumeView.Step> steps(String stepsJson) {
        return json.readValue(stepsJson, STEP_LIST);
    }

    static List<ResumeView.Step> withStep(List<ResumeView.Step> steps, String name,
                                          UnaryOperator<ResumeView.Step> change) {
        return steps.stream().map(s -> s.name().equals(name) ? change.apply(s) : s).toList();
    }

    // --- claiming -------------------------------------------------------------------------------------------------

    /**
     * Takes the oldest queued resume, or one whose claim is older than {@code leaseStart} (its instance was lost
     * mid-step: the step runs again). {@code skip locked} lets replicas share the work.
     */
    Optional<Claim> claim(Instant leaseStart) {
        return transaction.execute(status -> jdbc.sql("""
                        select id, owner_id, next_step, steps from resume
                        where status = 'queued'
                           or (status in ('parsing', 'writing', 'rendering') and claimed_at < :leaseStart)
                        order by queued_at
                        limit 1
                        for update skip locked""")
                .param("leaseStart", Timestamp.from(leaseStart))
                .query((rs, n) -> new Object[]{rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class),
                        rs.getString("next_step"), rs.getString("steps")})
                .optional()
                .map(row -> {
                    UUID id = (UUID) row[0];
                    String step = (String) row[2];
                    UUID token = UUID.randomUUID();
                    Instant now = Instant.now();
                    List<ResumeView.Step> steps = withStep(steps((String) row[3]), step,
                            s -> new ResumeView.Step(s.name(), "running", now, null, null));
                    jdbc.sql("""
                                    update resume set status = :status, claimed_at = :now, claim_token = :token,
                                        steps = cast(:steps as jsonb), updated_at = :now
                                    where id = :id""")
                            .param("status", RUNNING.get(step)).param("now", Timestamp.from(now))
                            .param("token", token).param("steps", stepsJson(steps)).param("id", id).update();
                    return new Claim(id, (UUID) row[1], token, step);
                }));
    }

    /** Runs the claimed step and every later one, until done or a step fails. */
    void run(Claim claim) {
        String step = claim.step();
        while (step != null) {
            try {
                switch (step) {
                    case "parse" -> parse(claim);
                    case "write" -> write(claim);
                    case "render" -> render(claim);
                    default -> throw new IllegalStateException("unknown step " + step);
                }
            } catch (LostClaim e) {
                log.info("{}", e.getMessage());
                return;
            } catch (LlmFailure e) {
                fail(claim, step, e.reason().name(), e.getMessage());
                return;
            } catch (ResumeNotPossibleException e) {
                fail(claim, step, e.reason(), e.getMessage());
                return;
            } catch (ResumeTooLongException e) {
                fail(claim, step, "TOO_LONG", e.getMessage());
                return;
            } catch (ListingNotFoundException e) {
                fail(claim, step, "LISTING_NOT_FOUND", e.getMessage());
                return;
            } catch (RuntimeException e) {
                log.warn("resume {}: step {} failed", claim.resumeId(), step, e);
                fail(claim, step, "INTERNAL_ERROR", "The " + step + " step failed unexpectedly: " + e);
                return;
            }
            int next = STEPS.indexOf(step) + 1;
            step = next < STEPS.size() ? STEPS.get(next) : null;
        }
    }

    // --- the steps ------------------------------------------------------------------------------------------------

    /** JD → job, parse and {@code JdParsed} (in the job service's transaction); then the resume points at the job. */
    private void parse(Claim claim) {
        JsonNode input = jdbc.sql("select input, request_id from resume where id = :id")
                .param("id", claim.resumeId())
                .query((rs, n) -> {
                    JsonNode node = json.readTree(rs.getString("input"));
                    UUID requestId = rs.getObject("request_id", UUID.class);
                    return ((tools.jackson.databind.node.ObjectNode) node).put("jobRequestId",
                            (requestId != null ? requestId : claim.resumeId()).toString());
                }).single();
        String listing = text(input, "listingId");
        // the job's request id makes a repeated parse (a lost claim, taken over) find the job made the first time
        String explicit = text(input, "template");
        // the template is chosen before the job is saved, so a JD no template fits leaves no job (and no JdParsed)
        JobView job = jobs.create(claim.ownerId(), new NewJob(text(input, "jdText"),
                listing == null ? null : UUID.fromString(listing), text(input, "source"),
                UUID.fromString(text(input, "jobRequestId"))),
                parsed -> template(claim.ownerId(), explicit, parsed));
        advance(claim, "parse", "write", Map.of("job_id", job.id(),
                "company", job.parse().metadata().company(), "title", job.parse().metadata().listingJobTitle()));
    }

    /** Template choice, then bullets and skills from the writer; the content gets its item ids and is saved. */
    private void write(Claim claim) {
        Map<String, Object> row = jdbc.sql("select job_id, input from resume where id = :id")
                .param("id", claim.resumeId())
                .query((rs, n) -> Map.<String, Object>of("job", rs.getObject("job_id", UUID.class),
                        "input", json.readTree(rs.getString("input"))))
                .single();
        JobView job = jobs.get(claim.ownerId(), (UUID) row.get("job"));
        TemplateView template = template(claim.ownerId(), text((JsonNode) row.get("input"), "template"), job.parse());
        ResumeContent content = writeContent(claim.ownerId(), job.id(), job.parse(), template);
        Map<String, Object> values = new HashMap<>();
        values.put("template", template.reference());
        values.put("template_id", template.id());
        values.put("writer", writer.name());
        values.put("content", content);
        advance(claim, "write", "render", values);
    }

    /** The current content on one page, then the version, its {@code ResumeRendered} and "done" together. */
    private void render(Claim claim) {
        Map<String, Object> row = jdbc.sql("select job_id, template_id, content, writer from resume where id = :id")
                .param("id", claim.resumeId())
                .query((rs, n) -> {
                    Map<String, Object> values = new HashMap<>();
                    values.put("job", rs.getObject("job_id", UUID.class));
                    values.put("template", rs.getObject("template_id", UUID.class));
                    values.put("content", json.readValue(rs.getString("content"), ResumeContent.class));
                    values.put("writer", rs.getString("writer"));
                    return values;
                })
                .single();
        JobView job = jobs.get(claim.ownerId(), (UUID) row.get("job"));
        ResumeContent content = (ResumeContent) row.get("content");
        ResumeRenderer.Rendered rendered = render(claim.ownerId(), content, (UUID) row.get("template"));
        Instant now = Instant.now();
        transaction.executeWithoutResult(status -> {
            List<ResumeView.Step> steps = lockClaimed(claim);
            saveVersion(claim.resumeId(), claim.ownerId(), job, content, (String) row.get("writer"), rendered, now);
            jdbc.sql("""
                            update resume set status = 'done', next_step = null, claimed_at = null, claim_token = null,
                                steps = cast(:steps as jsonb), updated_at = :now
                            where id = :id""")
                    .param("steps", stepsJson(withStep(steps, "render",
                            s -> new ResumeView.Step(s.name(), "done", s.startedAt(), now, null))))
                    .param("now", Timestamp.from(now)).param("id", claim.resumeId()).update();
        });
    }

    // --- shared with the synchronous paths (re-render, generate for a job) -----------------------------------------

    /**
     * The template for a job: the explicit reference when given (a built-in's key or a template id), otherwise the
     * best fit for the parse's role, level and specialization.
     *
     * @throws ResumeNotPossibleException ({@code NO_TEMPLATE}) when none fits or the chosen one is gone
     */
    TemplateView template(UUID ownerId, String reference, ParsedJd parse) {
        if (reference != null) {
            return templates.find(ownerId, reference).orElseThrow(() -> new ResumeNotPossibleException(
                    "The chosen template " + reference + " no longer exists: choose another",
                    "/api/resumes/templates", "NO_TEMPLATE"));
        }
        ParsedJd.Metadata m = parse.metadata();
        return templates.choose(ownerId, m.role(), m.level(), m.specialization())
                .orElseThrow(() -> new ResumeNotPossibleException("No template fits a " + m.role()
                        + (m.level() == null ? "" : " at level " + m.level())
                        + (m.specialization() == null ? "" : " (" + m.specialization() + ")")
                        + " role: add a template for it or choose one", "/api/resumes/templates", "NO_TEMPLATE"));
    }

    /**
     * Bullets and skills for the template's roles: its role configs (order, title override, max bullets), or every
     * role with projects in the base's order.
     *
     * @throws ResumeNotPossibleException without a contact profile or experience
     */
    ResumeContent writeContent(UUID ownerId, UUID jobId, ParsedJd parse, TemplateView template) {
        contact(ownerId);
        List<ExperienceRole> all = experience.roles(ownerId).stream().filter(r -> !r.projects().isEmpty()).toList();
        if (all.isEmpty()) {
            throw new ResumeNotPossibleException("Import an experience base with at least one project first",
                    "/api/resumes/experience", "NO_EXPERIENCE");
        }
        List<ExperienceRole> roles = new ArrayList<>();
        Map<String, Integer> maxBullets = new HashMap<>();
        Map<String, String> titles = new HashMap<>();
        if (template.roleConfigs().isEmpty()) {
            for (int i = 0; i < all.size(); i++) {
                roles.add(all.get(i));
                maxBullets.put(all.get(i).key(), MAX_BULLETS[Math.min(i, MAX_BULLETS.length - 1)]);
            }
        } else {
            Map<String, ExperienceRole> byKey = new HashMap<>();
            all.forEach(r -> byKey.put(r.key(), r));
            template.roleConfigs().stream().sorted(Comparator.comparing(RoleConfig::order)).forEach(config -> {
                ExperienceRole role = byKey.get(config.roleKey());
                if (role != null) {
                    roles.add(role);
                    maxBullets.put(role.key(), config.maxBullets());
                    if (config.titleOverride() != null && !config.titleOverride().isBlank()) {
                        titles.put(role.key(), config.titleOverride().strip());
                    }
                }
            });
            if (roles.isEmpty()) {
                throw new ResumeNotPossibleException("None of the roles the template " + template.name()
                        + " configures is in your experience base (with projects)", "/api/resumes/experience",
                        "NO_EXPERIENCE");
            }
        }
        BulletWriter.Written written = writer.write(new BulletWriter.Request(ownerId, jobId, parse.metadata().role(),
                parse.requirements(), roles, maxBullets));
        return content(roles, titles, written).withIds();
    }

    String writerName() {
        return writer.name();
    }

    /**
     * The content with its edits (excluded items out, override text in) on one page, stepping from the template's
     * style to tighter ones.
     */
    ResumeRenderer.Rendered render(UUID ownerId, ResumeContent content, UUID templateId) {
        TemplateView template = templateId == null ? null : templates.find(ownerId, templateId.toString()).orElse(null);
        if (template == null) {
            throw new ResumeNotPossibleException("The resume's template no longer exists: generate it again with "
                    + "another template", "/api/resumes/templates", "NO_TEMPLATE");
        }
        return renderer.fit(document(contact(ownerId), content),
                new ResumeRenderer.Layout(template.html(), template.css()),
                ResumeTemplate.Style.valueOf(template.styleVariant().toUpperCase(Locale.ROOT)));
    }

    /** Inside a transaction: the next version of the resume and its {@code ResumeRendered}; returns its number. */
    int saveVersion(UUID resumeId, UUID ownerId, JobView job, ResumeContent content, String writerName,
                    ResumeRenderer.Rendered rendered, Instant now) {
        ParsedJd.Metadata m = job.parse().metadata();
        String fileName = ResumeFileName.of(now.atZone(FILE_DATE_ZONE).toLocalDate(), m.company(), m.listingJobTitle());
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from resume_version where resume_id = :id")
                .param("id", resumeId).query(Integer.class).single();
        jdbc.sql("""
                        insert into resume_version (resume_id, version, writer, style, file_name, content, coverage,
                            pdf, created_at)
                        values (:id, :version, :writer, :style, :file, cast(:content as jsonb),
                            cast(:coverage as jsonb), :pdf, :createdAt)""")
                .param("id", resumeId).param("version", version).param("writer", writerName)
                .param("style", rendered.style().id()).param("file", fileName)
                .param("content", json.writeValueAsString(content))
                .param("coverage", json.writeValueAsString(Coverage.of(job.parse().requirements(), content)))
                .param("pdf", rendered.pdf()).param("createdAt", Timestamp.from(now))
                .update();
        outbox.append(resumeRendered(resumeId, version, job.id(), ownerId, content, now));
        return version;
    }

    ContactProfile contact(UUID ownerId) {
        return experience.findProfile(ownerId).orElseThrow(() -> new ResumeNotPossibleException(
                "Save a contact profile first: every resume prints it", "/api/resumes/profile", "NO_PROFILE"));
    }

    // --- bookkeeping ----------------------------------------------------------------------------------------------

    /** The step is done: its result, the next step running, and a renewed lease, in one transaction. */
    private void advance(Claim claim, String done, String next, Map<String, Object> values) {
        Instant now = Instant.now();
        transaction.executeWithoutResult(status -> {
            List<ResumeView.Step> steps = withStep(withStep(lockClaimed(claim), done,
                    s -> new ResumeView.Step(s.name(), "done", s.startedAt(), now, null)), next,
                    s -> new ResumeView.Step(s.name(), "running", now, null, null));
            StringBuilder set = new StringBuilder();
            JdbcClient.StatementSpec[] spec = new JdbcClient.StatementSpec[1];
            values.keySet().forEach(column -> set.append(column).append(column.equals("content")
                    ? " = cast(:content as jsonb), " : " = :" + column + ", "));
            spec[0] = jdbc.sql("update resume set " + set + """
                    status = :status, next_step = :next, claimed_at = :now, steps = cast(:steps as jsonb),
                    updated_at = :now where id = :id""");
            values.forEach((column, value) -> spec[0] = spec[0].param(column,
                    column.equals("content") ? json.writeValueAsString(value) : value));
            spec[0].param("status", RUNNING.get(next)).param("next", next).param("now", Timestamp.from(now))
                    .param("steps", stepsJson(steps)).param("id", claim.resumeId()).update();
        });
    }

    private void fail(Claim claim, String step, String reason, String message) {
        Instant now = Instant.now();
        try {
            transaction.executeWithoutResult(status -> {
                List<ResumeView.Step> steps = withStep(lockClaimed(claim), step,
                        s -> new ResumeView.Step(s.name(), "failed", s.startedAt(), now, message));
                jdbc.sql("""
                                update resume set status = 'failed', next_step = :step, claimed_at = null,
                                    claim_token = null, steps = cast(:steps as jsonb),
                                    failure = cast(:failure as jsonb), updated_at = :now
                                where id = :id""")
                        .param("step", step).param("steps", stepsJson(steps))
                        .param("failure", json.writeValueAsString(new ResumeView.Failure(step, reason, message)))
                        .param("now", Timestamp.from(now)).param("id", claim.resumeId()).update();
            });
        } catch (LostClaim e) {
            log.info("{}", e.getMessage());
        }
    }

    /** Locks the resume row and returns its steps, if the claim is still ours. */
    private List<ResumeView.Step> lockClaimed(Claim claim) {
        return jdbc.sql("select steps from resume where id = :id and claim_token = :token for update")
                .param("id", claim.resumeId()).param("token", claim.token())
                .query((rs, n) -> steps(rs.getString("steps"))).optional()
                .orElseThrow(() -> new LostClaim(claim.resumeId()));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static ResumeContent content(List<ExperienceRole> roles, Map<String, String> titles,
                                         BulletWriter.Written written) {
        Map<String, ExperienceProject> projects = new HashMap<>();
        roles.forEach(r -> r.projects().forEach(p -> projects.put(p.key(), p)));
        Map<String, ExperienceProject> cited = new LinkedHashMap<>();
        List<ResumeContent.Role> entries = new ArrayList<>();
        for (ExperienceRole role : roles) {
            List<ResumeContent.Bullet> bullets = written.bullets().getOrDefault(role.key(), List.of());
            if (bullets.isEmpty()) {
                continue;
            }
            bullets.stream().map(ResumeContent.Bullet::projectKey).filter(projects::containsKey)
                    .forEach(key -> cited.putIfAbsent(key, projects.get(key)));
            entries.add(new ResumeContent.Role(role.key(), role.company(), titles.getOrDefault(role.key(),
                    role.title()), role.location(), role.startDate(), role.endDate(), bullets));
        }
        return new ResumeContent(entries, List.copyOf(cited.values()), written.skills());
    }

    /** What the PDF prints: excluded items left out, override text instead of the generated text. */
    static ResumeDocument document(ContactProfile contact, ResumeContent content) {
        ResumeContent printed = printed(content);
        return new ResumeDocument(
                new ResumeDocument.Contact(contact.name(), contact.email(), contact.phone(), contact.location(),
                        contact.links()),
                printed.roles().stream().map(r -> new ResumeDocument.Role(r.title(), r.company(), r.location(),
                        r.start(), r.end(), r.bullets().stream().map(ResumeContent.Bullet::text).toList())).toList(),
                printed.skills().stream().map(s -> new ResumeDocument.SkillsLine(s.category(), s.skills())).toList());
    }

    /**
     * The content as printed: excluded bullets and lines dropped (a role left without bullets too), each item's
     * printed text as its text, and only the projects a printed bullet cites.
     */
    static ResumeContent printed(ResumeContent content) {
        List<ResumeContent.Role> roles = new ArrayList<>();
        List<String> cited = new ArrayList<>();
        for (ResumeContent.Role role : content.roles()) {
            List<ResumeContent.Bullet> bullets = role.bullets().stream().filter(b -> !b.exclude())
                    .map(b -> new ResumeContent.Bullet(b.id(), b.printed(), b.projectKey(), false, null)).toList();
            if (!bullets.isEmpty()) {
                roles.add(new ResumeContent.Role(role.roleKey(), role.company(), role.title(), role.location(),
                        role.start(), role.end(), bullets));
                bullets.forEach(b -> cited.add(b.projectKey()));
            }
        }
        List<ResumeContent.SkillsLine> skills = content.skills().stream().filter(s -> !s.exclude())
                .map(s -> s.overrideText() == null || s.overrideText().isBlank() ? s
                        : new ResumeContent.SkillsLine(s.id(), s.category(), List.of(s.printed()), false, null))
                .toList();
        return new ResumeContent(roles, content.projects().stream().filter(p -> cited.contains(p.key())).toList(),
                skills);
    }

    static String pdfPath(UUID resumeId, int version) {
        return "/api/resumes/" + resumeId + "/versions/" + version + "/pdf";
    }

    /** The event carries what the version prints. */
    private static ResumeRendered resumeRendered(UUID resumeId, int version, UUID jobId, UUID ownerId,
                                                 ResumeContent content, Instant now) {
        ResumeContent printed = printed(content);
        return new ResumeRendered(UUID.randomUUID(), now, resumeId, version, jobId, ownerId,
                pdfPath(resumeId, version),
                new ResumeRendered.Content(
                        printed.roles().stream().map(r -> new ResumeRendered.Role(r.roleKey(), r.company(), r.title(),
                                r.start(), r.end(), r.location(), r.bullets().stream()
                                .map(b -> new ResumeRendered.Bullet(b.text(), b.projectKey())).toList())).toList(),
                        printed.projects().stream().map(p -> new ResumeRendered.Project(p.key(), p.shortName(),
                                p.problemContext(), p.actions(), p.tools(), p.outcomes())).toList(),
                        printed.skills().stream().map(s -> new ResumeRendered.SkillsLine(s.category(), s.skills()))
                                .toList()));
    }
}
