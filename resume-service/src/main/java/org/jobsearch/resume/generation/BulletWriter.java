package org.jobsearch.resume.generation;

import org.jobsearch.resume.experience.ExperienceRole;
import org.jobsearch.resume.jd.ParsedJd;

import java.util.List;

/**
 * Writes a resume's bullets and skills lines for a parsed job from the user's experience. Every bullet is at most 25
 * words, cites the project it came from and states only that project's facts; skills are at most four categories of
 * skills that are both JD keywords and tools of the user. {@link OfflineBulletWriter} needs no model; a model-backed
 * writer implements the same contract.
 */
public interface BulletWriter {

    int MAX_WORDS = 25;
    int MAX_SKILL_CATEGORIES = 4;

    /** @return {@code offline} or {@code <provider>/<model>}, stored with the version */
    String name();

    Written write(Request request);

    /**
     * @param roles           the roles to cover, in resume order, each with its projects (keys filled in)
     * @param maxBulletsPerRole by role key
     */
    record Request(List<ParsedJd.Requirement> requirements, List<ExperienceRole> roles,
                   java.util.Map<String, Integer> maxBulletsPerRole) {
    }

    /** @param bullets by role key, in the requested roles' order */
    record Written(java.util.Map<String, List<ResumeContent.Bullet>> bullets, List<ResumeContent.SkillsLine> skills) {
    }
}
