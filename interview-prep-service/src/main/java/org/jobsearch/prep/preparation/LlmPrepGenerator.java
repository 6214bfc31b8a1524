package org.jobsearch.prep.preparation;

import org.jobsearch.llm.LlmCall;
import org.jobsearch.llm.LlmClient;
import org.jobsearch.llm.LlmFailure;
import org.jobsearch.llm.LlmResult;
import tools.jackson.databind.json.JsonMapper;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Prep written by the configured LLM: one streamed markdown answer per document, with each section under a
 * {@code # <section>} line, validated once complete. A truncated stream or a missing section fails the generation;
 * nothing partial is returned.
 */
class LlmPrepGenerator implements PrepGenerator {

    private static final Pattern HEADING = Pattern.compile("(?m)^# (\\w+)\\s*$");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final String BASE_RULES = """
            You prepare a job seeker for interviews. Write five markdown sections, each starting with a line that is
            exactly "# <name>" and nothing else, in this order: formatted_jd, company_context, primary_drivers,
            background_narrative, resume_defense_prep. Inside sections use ## or deeper headings only.
            formatted_jd: the JD as readable markdown; bold phrases that support the drivers; drop benefits, perks,
            awards and employer branding. company_context: only facts the JD states, under ### What the company does,
            ### Core products and users, ### Stated mission or values, ### Why this team exists; no marketing language.
            primary_drivers: 1-3 signals present in both the JD and the resume, as "**Signal**: justification".
            background_narrative: a 60-120 second "tell me about yourself" with ### Opening one-liner, ### Core
            narrative, ### Forward hook; no chronological walk. resume_defense_prep: per bullet a ### Resume Bullet:
            "<text>" block with three follow-up questions and answers, How to Defend, If They Drill Deeper and a
            30-second pitch; the resume projects are the authoritative source. Never invent experience.""";

    static final String INTERVIEW_RULES = """
            You prepare a job seeker for ONE interview, defined by stage and focus: the stage sets depth and formality,
            the focus filters the content. Write four markdown sections, each starting with a line that is exactly
            "# <name>" and nothing else, in this order: prep_plan, predicted_questions, interviewer_questions,
            technical_deep_dives. Inside sections use ## or deeper headings only. prep_plan: four phases (Foundation
            Review, Active Practice, Polish & Integration, Final Confidence Check) and a Minimum Viable Prep list;
            flag gaps from prior interview notes as PRIORITY. predicted_questions: 3-5 questions on the focus, each
            with its intent, a STAR answer from the resume projects, tips and "If asked for more detail". 
            interviewer_questions: 5 questions calibrated to the interviewer's title and the stage, not repeating
            earlier rounds. technical_deep_dives: prior gaps first, then technologies repeated across projects, then
            core JD technologies; minimal for behavioral and case; skipped or high-level for a recruiter screen.
            Never invent experience.""";

    private final LlmClient llm;
    private final int maxOutputTokens;

    LlmPrepGenerator(LlmClient llm, int maxOutputTokens) {
        this.llm = llm;
        this.maxOutputTokens = maxOutputTokens;
    }

    @Override
    public Generated base(BaseInput in) {
        String user = "JOB DESCRIPTION:\n" + in.job().rawJd() + "\n\nRESUME:\n" + resume(in.resume())
                + "\n\nRESUME PROJECTS:\n" + projects(in.resume());
        LlmResult<String> result = llm.streamText(LlmCall.builder(in.ownerId(), "prep_base")
                .jobId(in.job().jobId()).applicationId(in.applicationId()).systemContext(BASE_RULES)
                .userMessage(user).maxOutputTokens(maxOutputTokens).build());
        return new Generated(sections(result.value(), PrepSection.of(true), "prep_base"),
                result.provider() + "/" + result.model());
    }

    @Override
    public Generated interview(InterviewInput in) {
        String notes = in.earlierRounds().isEmpty() ? "[]" : JSON.writeValueAsString(in.earlierRounds().stream()
                .map(r -> Map.of("stage", OfflinePrepGenerator.display(r.stage()),
                        "focus", OfflinePrepGenerator.display(r.focus()), "date", r.scheduledAt().toString(),
                        "questionsAsked", r.questionsAsked() == null ? "" : r.questionsAsked(),
                        "selfReflection", r.selfReflection() == null ? "" : r.selfReflection())).toList());
        String user = "JOB DESCRIPTION:\n" + in.job().rawJd() + "\n\nRESUME:\n" + resume(in.resume())
                + "\n\nRESUME PROJECTS:\n" + projects(in.resume())
                + "\n\nPRIMARY DRIVERS:\n" + in.base().getOrDefault(PrepSection.PRIMARY_DRIVERS, "")
                + "\n\nINTERVIEW STAGE: " + OfflinePrepGenerator.display(in.interview().stage())
                + "\nINTERVIEW FOCUS: " + OfflinePrepGenerator.display(in.interview().focus())
                + "\nINTERVIEWER TITLE: " + (in.interview().interviewerTitle() == null ? "Not specified"
                : in.interview().interviewerTitle())
                + "\n\nPRIOR INTERVIEW NOTES:\n" + notes;
        LlmResult<String> result = llm.streamText(LlmCall.builder(in.ownerId(), "prep_interview")
                .jobId(in.job().jobId()).applicationId(in.applicationId()).systemContext(INTERVIEW_RULES)
                .userMessage(user).maxOutputTokens(maxOutputTokens).build());
        return new Generated(sections(result.value(), PrepSection.of(false), "prep_interview"),
                result.provider() + "/" + result.model());
    }

    /** Splits the complete answer at its {@code # name} lines; every expected section must be there and not blank. */
    static Map<PrepSection, String> sections(String answer, List<PrepSection> expected, String purpose) {
        Map<String, String> found = new java.util.HashMap<>();
        Matcher m = HEADING.matcher(answer);
        String name = null;
        int start = 0;
        while (m.find()) {
            if (name != null) {
                found.put(name, answer.substring(start, m.start()).strip());
            }
            name = m.group(1);
            start = m.end();
        }
        if (name != null) {
            found.put(name, answer.substring(start).strip());
        }
        Map<PrepSection, String> sections = new EnumMap<>(PrepSection.class);
        List<String> missing = expected.stream().filter(s -> found.getOrDefault(s.heading(), "").isBlank())
                .map(PrepSection::heading).toList();
        if (!missing.isEmpty()) {
            throw new LlmFailure(purpose, LlmFailure.Reason.INVALID_OUTPUT,
                    "the answer lacks section(s) " + String.join(", ", missing));
        }
        expected.forEach(s -> sections.put(s, found.get(s.heading())));
        return sections;
    }

    /** Reference §5.2: role titles with their bullets, then skills; companies, dates and places left out. */
    private static String resume(org.jobsearch.events.ResumeRendered.Content resume) {
        if (resume == null) {
            return "(no resume rendered for this job)";
        }
        StringBuilder text = new StringBuilder("EXPERIENCE\n");
        resume.roles().forEach(r -> {
            text.append(r.title()).append('\n');
            r.bullets().forEach(b -> text.append("- ").append(b.text()).append('\n'));
        });
        text.append("SKILLS\n");
        resume.skills().forEach(s -> text.append(s.category()).append(": ").append(String.join(", ", s.skills()))
                .append('\n'));
        return text.toString();
    }

    private static String projects(org.jobsearch.events.ResumeRendered.Content resume) {
        if (resume == null || resume.projects().isEmpty()) {
            return "[]";
        }
        return JSON.writeValueAsString(resume.projects().stream().map(p -> Map.of(
                "problem_context", p.problemContext() == null ? "" : p.problemContext(), "actions", p.actions(),
                "tools", p.tools(), "outcomes", p.outcomes())).collect(Collectors.toList()));
    }
}
