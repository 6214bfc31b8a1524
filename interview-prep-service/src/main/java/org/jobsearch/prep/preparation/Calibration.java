package org.jobsearch.prep.preparation;

import java.util.List;
import java.util.Locale;

/**
 * How an interview's stage, focus and interviewer shape the offline prep (reference §5.4: the stage sets depth and
 * formality, the focus filters the content, the interviewer's title sets the questions to ask).
 *
 * @param bankKey the question bank used for predicted questions
 * @param depth   how many technical deep dives: 0 skips them (recruiter screen)
 */
record Calibration(String stage, String focus, String bankKey, int depth) {

    static Calibration of(PrepGenerator.Interview interview) {
        String stage = interview.stage();
        String focus = interview.focus();
        return switch (stage) {
            case "recruiter_screen" -> new Calibration(stage, focus, "recruiter_screen", 0);
            case "hiring_manager_screen" -> new Calibration(stage, focus, "hiring_manager_screen", 2);
            case "prep_call" -> new Calibration(stage, focus, "prep_call", 1);
            case "team_match" -> new Calibration(stage, focus, "team_match", 1);
            default -> {
                String key = focus == null ? "coding" : focus;
                int depth = switch (key) {
                    case "behavioral", "case", "hiring_manager" -> 1;
                    default -> "final_loop".equals(stage) ? 4 : 5;
                };
                yield new Calibration(stage, focus, key, depth);
            }
        };
    }

    String focusLabel() {
        return OfflinePrepGenerator.display(focus);
    }

    String stageNote() {
        return switch (stage) {
            case "recruiter_screen" -> "A recruiter screen is about motivation, fit and logistics: keep answers "
                    + "short and high-level, have your salary expectations and availability ready.";
            case "hiring_manager_screen" -> "A hiring manager screen probes depth, decisions and ownership: expect "
                    + "\"why\" after every answer.";
            case "technical_screen" -> "A technical screen goes deep on the focus: expect to reason out loud and "
                    + "defend trade-offs.";
            case "final_loop" -> "In a final loop each interview covers one focus: prepare this one entirely on "
                    + focusLabel() + ".";
            case "prep_call" -> "A prep call is the recruiter briefing you: listen for the loop's format and ask.";
            case "team_match" -> "A team match is mutual: show interest in the team's work and ask about it.";
            default -> "Prepare for " + OfflinePrepGenerator.display(stage) + ".";
        };
    }

    String studyStep() {
        return switch (bankKey) {
            case "coding", "refactoring" -> "Review data structures and the complexity of your usual solutions.";
            case "system_design", "data_pipeline_design" -> "Review a design framework: requirements, estimates, "
                    + "high-level design, deep dive, trade-offs.";
            case "data_pipeline_build" -> "Review batch vs. streaming, idempotent loads and data quality checks.";
            case "behavioral", "hiring_manager", "hiring_manager_screen", "team_match" -> "Write STAR outlines for "
                    + "ownership, conflict, failure and impact stories.";
            case "case" -> "Review how to structure a business problem and quantify a recommendation.";
            default -> "Know why you want this job and your logistics (start date, location, compensation).";
        };
    }

    List<String> practice() {
        return switch (bankKey) {
            case "coding", "refactoring" -> List.of("Solve two timed problems on a coding platform (e.g. "
                    + "CodeSignal), talking aloud.", "Re-solve one with a different approach and compare.");
            case "system_design", "data_pipeline_design" -> List.of("Whiteboard one design from the predicted "
                    + "questions in 45 minutes.", "Explain your own largest system end to end in 5 minutes.");
            case "data_pipeline_build" -> List.of("Build a small pipeline end to end against a sample dataset.",
                    "Explain how you would make it idempotent and observable.");
            case "case" -> List.of("Read a short codebase or dataset and make a business recommendation.",
                    "Present it in 5 minutes with one number that backs it.");
            default -> List.of("Record yourself answering two predicted questions in STAR form.",
                    "Trim each answer to 60–90 seconds.");
        };
    }

    String environmentStep(String format) {
        if ("onsite".equals(format)) {
            return "Plan the trip and arrive early.";
        }
        if ("phone_call".equals(format)) {
            return "Find a quiet place with good reception.";
        }
        return "Test the video tool, camera, microphone" + (depth > 2 ? " and a shared editor or whiteboard" : "")
                + ".";
    }

    String minimum() {
        return depth == 0 ? "Salary expectations and availability" : "The first technical deep dive";
    }

    /** recruiter, hiring_manager, senior_engineer or peer_engineer: from the interviewer's title, else the stage. */
    String interviewerKind(PrepGenerator.Interview interview) {
        String title = interview.interviewerTitle() == null ? "" : interview.interviewerTitle().toLowerCase(Locale.ROOT);
        if (title.matches(".*(recruit|talent|sourcer|people|hr\\b).*")) {
            return "recruiter";
        }
        if (title.matches(".*(manager|director|head of|vp|vice president|chief).*")) {
            return "hiring_manager";
        }
        if (title.matches(".*(lead|staff|principal|senior|architect|sr\\.?).*")) {
            return "senior_engineer";
        }
        if (title.matches(".*(engineer|developer|scientist|analyst).*")) {
            return "peer_engineer";
        }
        return switch (stage) {
            case "recruiter_screen", "prep_call" -> "recruiter";
            case "hiring_manager_screen", "team_match" -> "hiring_manager";
            default -> "senior_engineer";
        };
    }

    String interviewerLabel(PrepGenerator.Interview interview) {
        String who = interview.interviewerName() == null ? "the interviewer" : interview.interviewerName();
        return interview.interviewerTitle() == null ? who : who + " (" + interview.interviewerTitle() + ")";
    }
}
