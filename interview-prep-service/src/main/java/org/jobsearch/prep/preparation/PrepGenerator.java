package org.jobsearch.prep.preparation;

import org.jobsearch.events.JdParsed;
import org.jobsearch.events.ResumeRendered;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes prep documents from their inputs. Runs outside any database transaction (an LLM call may take minutes).
 * An implementation returns every section of the document complete, or throws: nothing partial is returned.
 */
public interface PrepGenerator {

    /** The application's base prep: the five base sections. */
    Generated base(BaseInput input);

    /** One interview's prep: the four interview sections. */
    Generated interview(InterviewInput input);

    /**
     * @param resume null when no resume has been rendered for the job (the prep then says so)
     */
    record BaseInput(UUID ownerId, UUID applicationId, JdParsed job, ResumeRendered.Content resume) {
    }

    /**
     * @param base           the sections of the application's latest base prep
     * @param earlierRounds  the application's interviews before this one that have debrief notes, by time
     */
    record InterviewInput(UUID ownerId, UUID applicationId, JdParsed job, ResumeRendered.Content resume,
                          Map<PrepSection, String> base, Interview interview, List<EarlierRound> earlierRounds) {
    }

    /** The interview prepared for; {@code stage}, {@code focus} etc. as tracker's snake-case values. */
    record Interview(UUID interviewId, String stage, String format, String focus, String interviewerName,
                     String interviewerTitle, Instant scheduledAt) {
    }

    /** Debrief notes of an earlier interview of the same application. */
    record EarlierRound(String stage, String focus, Instant scheduledAt, String questionsAsked,
                        String selfReflection) {
    }

    /**
     * @param generator {@code offline} or {@code <provider>/<model>}
     */
    record Generated(Map<PrepSection, String> sections, String generator) {
    }
}
