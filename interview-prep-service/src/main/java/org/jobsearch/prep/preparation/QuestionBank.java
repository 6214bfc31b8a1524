package org.jobsearch.prep.preparation;

import java.util.List;
import java.util.Map;

/**
 * The offline generator's fixed questions: predicted questions by stage or focus, and questions to ask by kind of
 * interviewer. Placeholders: {@code {company}}, {@code {title}}, {@code {keyword}}, {@code {keyword2}} (the JD's
 * top keywords).
 */
final class QuestionBank {

    /** @param star whether the answer is a STAR story from the user's projects; else {@code hint} says how to answer */
    record Question(String text, String intent, String hint, boolean star) {
    }

    private static Question star(String text, String intent) {
        return new Question(text, intent, "", true);
    }

    private static Question direct(String text, String intent, String hint) {
        return new Question(text, intent, hint, false);
    }

    private static final Map<String, List<Question>> PREDICTED = Map.ofEntries(
            Map.entry("recruiter_screen", List.of(
                    direct("Walk me through your background.", "Whether your story fits the {title} role.",
                            "Use the background narrative: 60–90 seconds, no chronological walk."),
                    direct("Why {company}, and why now?", "Motivation and whether you read the posting.",
                            "Name one fact from the company context and one driver."),
                    direct("What are your salary expectations?", "Whether the budget fits.",
                            "Give a range anchored on the posted range if there is one."),
                    direct("What is your availability and are you fine with the work setting?", "Logistics.",
                            "Have your notice period and location constraints ready."))),
            Map.entry("hiring_manager_screen", List.of(
                    star("Tell me about a project you owned end to end with {keyword}.", "Ownership and depth."),
                    star("Describe a technical decision you made that others disagreed with.",
                            "Judgement and influence."),
                    star("What is the biggest impact you have had on your team?", "Impact and how you measure it."),
                    direct("What would you want to accomplish in your first 90 days?", "Vision and fit.",
                            "Tie it to the role's responsibilities in the JD."))),
            Map.entry("coding", List.of(
                    direct("Implement a rate limiter for an API (sliding window).", "Data structures, edge cases.",
                            "Clarify limits, pick a structure, state complexity, test edge cases aloud."),
                    direct("Given service dependency pairs, return a valid deployment order.",
                            "Graphs (topological sort) and cycle detection.",
                            "Name the algorithm, handle cycles, state O(V+E)."),
                    star("Tell me about a bug that was hard to find.", "Debugging method."))),
            Map.entry("refactoring", List.of(
                    direct("Here is a long method with duplicated branches: refactor it safely.",
                            "Safe, test-first change.", "Add a characterization test first, then small steps."),
                    star("Tell me about a codebase you improved.", "Judgement on what to change."))),
            Map.entry("system_design", List.of(
                    direct("Design a platform that lets product teams ship a new service with {keyword} in an "
                            + "afternoon.", "Breadth: requirements, components, trade-offs.",
                            "Requirements, estimates, high-level design, one deep dive, trade-offs."),
                    direct("How would you design observability for 100 services?", "Operational maturity.",
                            "Metrics, logs, traces, SLOs and alerting on burn rate."),
                    star("Walk me through the largest system you designed with {keyword2}.",
                            "Depth of your own experience."),
                    direct("How do you roll out a risky infrastructure change without downtime?",
                            "Safety and rollback thinking.", "Canary or blue-green, feature flags, a rollback plan."))),
            Map.entry("data_pipeline_design", List.of(
                    direct("Design a pipeline that ingests events and serves daily aggregates.",
                            "Batch vs. streaming trade-offs.", "Sources, storage, processing, quality, backfill."),
                    star("Tell me about a pipeline you designed.", "Depth of your experience."))),
            Map.entry("data_pipeline_build", List.of(
                    direct("Build a job that loads a CSV into a table idempotently.", "Practical build skills.",
                            "Upserts on a natural key, validation, logging."),
                    star("Tell me about a data quality problem you fixed.", "Rigor."))),
            Map.entry("behavioral", List.of(
                    star("Tell me about a time you disagreed with a teammate.", "Collaboration and conflict."),
                    star("Tell me about a failure and what you learned.", "Self-awareness."),
                    star("Tell me about a time you delivered under a tight deadline.", "Prioritisation."),
                    star("Tell me about something you improved without being asked.", "Ownership."))),
            Map.entry("hiring_manager", List.of(
                    star("Tell me about a project you owned end to end.", "Ownership."),
                    star("How did you decide what to build first on your last project?", "Prioritisation."),
                    direct("Where do you want to grow in the next two years?", "Fit with the team's direction.",
                            "Connect it to the role's scope."))),
            Map.entry("case", List.of(
                    direct("Usage of a feature dropped 20% last month: how do you investigate?",
                            "Structured problem solving.", "Hypotheses, data to check, recommendation."),
                    star("Tell me about a recommendation you made from data.", "Business judgement."))),
            Map.entry("prep_call", List.of(
                    direct("Do you have questions about the loop?", "Whether you prepare.",
                            "Ask about format, interviewers and what good looks like."))),
            Map.entry("team_match", List.of(
                    star("Tell me about the work you are proudest of.", "What motivates you."),
                    direct("What kind of team do you work best in?", "Fit.", "Be specific and honest."))));

    private static final Map<String, List<Question>> TO_ASK = Map.of(
            "recruiter", List.of(
                    direct("What does the interview process look like from here?", "Lets you prepare each round.",
                            "Recruiters own the process and answer this precisely."),
                    direct("What made this role open now?", "Reveals growth or backfill.", "Recruiters know."),
                    direct("What do successful candidates for this team have in common?", "Calibrates your prep.",
                            "Recruiters see many loops."),
                    direct("How is the team split across locations?", "Logistics.", "A recruiter question."),
                    direct("What is the timeline for a decision?", "Planning.", "Recruiters own it.")),
            "hiring_manager", List.of(
                    direct("What would success look like in this role after six months?", "Shows outcome focus.",
                            "Hiring managers define success; listen for metrics."),
                    direct("What is the biggest challenge the team faces this year?", "Shows you want to help.",
                            "Managers know the roadmap."),
                    direct("How does the team decide what to build?", "Reveals how decisions are made.",
                            "Ask managers, not peers."),
                    direct("How do you support growth on the team?", "Shows ambition.", "A manager's topic."),
                    direct("How does this team's work reach {company}'s customers?", "Shows product interest.",
                            "Managers connect team and business.")),
            "senior_engineer", List.of(
                    direct("What is the hardest technical problem the team solved recently?", "Invites depth.",
                            "Senior engineers enjoy talking about it."),
                    direct("Where is the technical debt you would pay down first?", "Shows pragmatism.",
                            "Senior engineers have opinions."),
                    direct("How are architecture decisions made and recorded?", "Shows you care about process.",
                            "Staff-level question."),
                    direct("How do on-call and incidents work?", "Operational realism.", "Engineers live it."),
                    direct("What would you want a new engineer to own first?", "Shows readiness.",
                            "Calibrates scope.")),
            "peer_engineer", List.of(
                    direct("What does a typical week look like for you?", "Day-to-day reality.", "Peers know best."),
                    direct("How do code reviews work here?", "Collaboration.", "A peer question."),
                    direct("What tooling do you wish you had?", "Shows platform empathy.", "Peers answer candidly."),
                    direct("How long does it take to ship a change to production?", "Engineering maturity.",
                            "Peers know the real number."),
                    direct("What do you like most about working on this team?", "Culture.", "Listen closely.")));

    private QuestionBank() {
    }

    static List<Question> questions(String bankKey) {
        return PREDICTED.getOrDefault(bankKey, PREDICTED.get("coding"));
    }

    static List<Question> toAsk(String interviewerKind) {
        return TO_ASK.getOrDefault(interviewerKind, TO_ASK.get("senior_engineer"));
    }
}
