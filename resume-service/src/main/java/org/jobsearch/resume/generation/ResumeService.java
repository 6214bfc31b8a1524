package org.jobsearch.resume.generation;

import org.jobsearch.events.ResumeRendered;
import org.jobsearch.messaging.outbox.OutboxWriter;
import org.jobsearch.resume.experience.ContactProfile;
import org.jobsearch.resume.experience.ExperienceProject;
import org.jobsearch.resume.experience.ExperienceRole;
import org.jobsearch.resume.experience.ExperienceService;
import org.jobsearch.resume.jd.ParsedJd;
import org.jobsearch.resume.job.JobService;
import org.jobsearch.resume.job.JobView;
import org.jobsearch.resume.render.ResumeDocument;
import org.jobsearch.resume.render.ResumeFileName;
import org.jobsearch.resume.render.ResumeRenderer;
import org.jobsearch.resume.render.ResumeTemplate;
import org.jobsearch.rest.ResourceNotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Resume generation for a parsed job: bullets and skills from the {@link BulletWriter}, one-page PDF from the
 * {@link ResumeRenderer}, then the version (content, coverage, PDF) and its {@code ResumeRendered} in one
 * transaction. A job has one resume; every generation is a new version, earlier ones stay downloadable.
 */
@Service
public class ResumeService {

    /** Bullets per role by position on the resume: the newest role gets the most room. */
    private static final int[] MAX_BULLETS = {5, 4, 3};
    /** Roles whose resumes use the analyst template when the caller does not choose one. */
    private static final Set<String> ANALYST_ROLES = Set.of("business_analyst", "data_analyst",
            "business_intelligence_engineer", "analytics_engineer", "data_scientist");
    private static final ZoneId FILE_DATE_ZONE = ZoneId.of("UTC");

    private final JobService jobs;
    private final ExperienceService experience;
    private final BulletWriter writer;
    private final ResumeRenderer renderer;
    private final OutboxWriter outbox;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate transaction;

    ResumeService(JobService jobs, ExperienceService experience, BulletWriter writer, ResumeRenderer renderer,
                  OutboxWriter outbox, JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactionManager) {
        this.jobs = jobs;
        this.experience = experience;
        this.writer = writer;
        this.renderer = renderer;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.json = json;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * Writes and renders the next version of the job's resume.
     *
     * @param templateId {@code engineer} or {@code analyst}; {@code null} chooses by the job's role
     * @throws ResourceNotFoundException      for a job that is not the owner's
     * @throws ResumeNotPossibleException     without a contact profile or experience
     * @throws org.jobsearch.resume.render.ResumeTooLongException when even the dense style needs two pages
     */
    public ResumeView generate(UUID ownerId, UUID jobId, String templateId) {
        JobView job = jobs.get(ownerId, jobId);
        ContactProfile contact = experience.findProfile(ownerId).orElseThrow(() -> new ResumeNotPossibleException(
                "Save a contact profile first: every resume prints it", "/api/resumes/profile"));
        List<ExperienceRole> roles = experience.roles(ownerId).stream().filter(r -> !r.projects().isEmpty()).toList();
        if (roles.isEmpty()) {
            throw new ResumeNotPossibleException("Import an experience base with at least one project first",
                    "/api/resumes/experience");
        }
        ParsedJd parse = job.parse();
        ResumeTemplate template = templateId != null ? ResumeTemplate.of(templateId)
                : ANALYST_ROLES.contains(parse.metadata().role()) ? ResumeTemplate.ANALYST : ResumeTemplate.ENGINEER;

        Map<String, Integer> maxBullets = new HashMap<>();
        for (int i = 0; i < roles.size(); i++) {
            maxBullets.put(roles.get(i).key(), MAX_BULLETS[Math.min(i, MAX_BULLETS.length - 1)]);
        }
        BulletWriter.Written written = writer.write(new BulletWriter.Request(parse.requirements(), roles, maxBullets));
        ResumeContent content = content(roles, written);
        Coverage coverage = Coverage.of(parse.requirements(), content);
        ResumeRenderer.Rendered rendered = renderer.render(document(contact, content), template);
        Instant now = Instant.now();
        String fileName = ResumeFileName.of(now.atZone(FILE_DATE_ZONE).toLocalDate(), parse.metadata().company(),
                parse.metadata().listingJobTitle());

        return transaction.execute(status -> {
            jdbc.sql("""
                            insert into resume (id, owner_id, job_id, template) values (:id, :owner, :job, :template)
                            on conflict (owner_id, job_id) do nothing""")
                    .param("id", UUID.randomUUID()).param("owner", ownerId).param("job", jobId)
                    .param("template", template.id()).update();
            UUID resumeId = jdbc.sql("select id from resume where owner_id = :owner and job_id = :job for update")
                    .param("owner", ownerId).param("job", jobId).query(UUID.class).single();
            int version = jdbc.sql("select coalesce(max(version), 0) + 1 from resume_version where resume_id = :id")
                    .param("id", resumeId).query(Integer.class).single();
            jdbc.sql("update resume set template = :template where id = :id")
                    .param("template", template.id()).param("id", resumeId).update();
            jdbc.sql("""
                            insert into resume_version (resume_id, version, writer, style, file_name, content,
                                coverage, pdf, created_at)
                            values (:id, :version, :writer, :style, :file, cast(:content as jsonb),
                                cast(:coverage as jsonb), :pdf, :createdAt)""")
                    .param("id", resumeId).param("version", version).param("writer", writer.name())
                    .param("style", rendered.style().id()).param("file", fileName)
                    .param("content", json.writeValueAsString(content))
                    .param("coverage", json.writeValueAsString(coverage))
                    .param("pdf", rendered.pdf()).param("createdAt", Timestamp.from(now))
                    .update();
            outbox.append(resumeRendered(resumeId, version, jobId, ownerId, content, now));
            return get(ownerId, resumeId);
        });
    }

    public ResumeView get(UUID ownerId, UUID resumeId) {
        Map<String, Object> resume = jdbc.sql("select job_id, template from resume where id = :id and owner_id = :owner")
                .param("id", resumeId).param("owner", ownerId)
                .query((rs, n) -> Map.<String, Object>of("job", rs.getObject("job_id", UUID.class),
                        "template", rs.getString("template")))
                .optional().orElseThrow(() -> new ResourceNotFoundException("resume", resumeId));
        List<ResumeView.Version> versions = jdbc.sql("""
                        select version, style, file_name, created_at from resume_version where resume_id = :id
                        order by version""")
                .param("id", resumeId)
                .query((rs, n) -> new ResumeView.Version(rs.getInt("version"), rs.getString("style"),
                        rs.getString("file_name"), pdfPath(resumeId, rs.getInt("version")),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
        ResumeView.Version latest = versions.get(versions.size() - 1);
        return jdbc.sql("""
                        select writer, content, coverage from resume_version where resume_id = :id and version = :version""")
                .param("id", resumeId).param("version", latest.version())
                .query((rs, n) -> new ResumeView(resumeId, (UUID) resume.get("job"), (String) resume.get("template"),
                        latest.version(), rs.getString("writer"), latest.style(), latest.fileName(), latest.pdfPath(),
                        json.readValue(rs.getString("content"), ResumeContent.class),
                        json.readValue(rs.getString("coverage"), Coverage.class), versions))
                .single();
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

    static String pdfPath(UUID resumeId, int version) {
        return "/api/resumes/" + resumeId + "/versions/" + version + "/pdf";
    }

    private static ResumeContent content(List<ExperienceRole> roles, BulletWriter.Written written) {
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
            entries.add(new ResumeContent.Role(role.key(), role.company(), role.title(), role.location(),
                    role.startDate(), role.endDate(), bullets));
        }
        return new ResumeContent(entries, List.copyOf(cited.values()), written.skills());
    }

    private static ResumeDocument document(ContactProfile contact, ResumeContent content) {
        return new ResumeDocument(
                new ResumeDocument.Contact(contact.name(), contact.email(), contact.phone(), contact.location(),
                        contact.links()),
                content.roles().stream().map(r -> new ResumeDocument.Role(r.title(), r.company(), r.location(),
                        r.start(), r.end(), r.bullets().stream().map(ResumeContent.Bullet::text).toList())).toList(),
                content.skills().stream().map(s -> new ResumeDocument.SkillsLine(s.category(), s.skills())).toList());
    }

    private static ResumeRendered resumeRendered(UUID resumeId, int version, UUID jobId, UUID ownerId,
                                                 ResumeContent content, Instant now) {
        return new ResumeRendered(UUID.randomUUID(), now, resumeId, version, jobId, ownerId,
                pdfPath(resumeId, version),
                new ResumeRendered.Content(
                        content.roles().stream().map(r -> new ResumeRendered.Role(r.roleKey(), r.company(), r.title(),
                                r.start(), r.end(), r.location(), r.bullets().stream()
                                .map(b -> new ResumeRendered.Bullet(b.text(), b.projectKey())).toList())).toList(),
                        content.projects().stream().map(p -> new ResumeRendered.Project(p.key(), p.shortName(),
                                p.problemContext(), p.actions(), p.tools(), p.outcomes())).toList(),
                        content.skills().stream().map(s -> new ResumeRendered.SkillsLine(s.category(), s.skills()))
                                .toList()));
    }
}
