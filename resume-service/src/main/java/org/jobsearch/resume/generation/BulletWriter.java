package org.jobsearch.resume.generation;

import org.jobsearch.resume.experience.ExperienceRole;
import org.jobsearch.resume.jd.ParsedJd;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a resume's bullets and skills lines for a parsed job from the user's experience. Every bullet is at most 25
 * words, cites the project it came from and states only that project's facts; skills are at most four categories of
 * skills that are both JD keywords and tools of the user. {@link OfflineBulletWriter} needs no model;
 * {@link LlmBulletWriter} asks the configured one and has its answer checked by the {@link BulletVerifier}.
 */
public interface BulletWriter {

    int MAX_WORDS = 25;
    int MAX_SKILL_CATEGORIES = 4;

    /** @return {@code offline} or {@code <provider>/<model>}, stored with the version */
    String name();

    /**
     * @throws org.jobsearch.llm.LlmFailure a model-backed writer that got no usable, verified answer (reason
     *                                      {@code INVALID_OUTPUT} lists the verifier's findings, {@code TRUNCATED},
     *                                      {@code PROVIDER_ERROR}, {@code BUDGET_EXCEEDED}); nothing may be rendered
     */
    Written write(Request request);

    /**
     * @param ownerId           whose budget a model call is charged to
     * @param jobId             the job the resume is for (on the cost ledger's rows)
     * @param targetRole        the job's role ({@link ParsedJd.Metadata#role()}), which bullets are framed toward
     * @param roles             the roles to cover, in resume order, each with its projects (keys filled in)
     * @param maxBulletsPerRole by role key
     */
    record Request(UUID ownerId, UUID jobId, String targetRole, List<ParsedJd.Requirement> requirements,
                   List<ExperienceRole> roles, Map<String, Integer> maxBulletsPerRole) {
    }

    /** @param bullets by role key, in the requested roles' order */
    record Written(Map<String, List<ResumeContent.Bullet>> bullets, List<ResumeContent.SkillsLine> skills) {
    }
}
