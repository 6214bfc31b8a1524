package org.jobsearch.prep.preparation;

import org.jobsearch.events.JdParsed;
import org.jobsearch.events.ResumeRendered;
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
 * {@code # <section>} line, validated once complete. Missing sections get one repair call naming them; a truncated
 * stream, or sections still missing after the repair, fail the generation; nothing partial is returned.
 *
 * <p>The system prompt is the application's shared context (the job description, the resume and its projects) and
 * nothing document-specific, so the base and the interview prep of one application send it byte for byte alike:
 * llm-support marks it {@code cache_control: ephemeral}, and an interview prep written right after its base (an
 * interview scheduled before any base existed) reads it from the provider's cache at a tenth of the input price.
 * What each document asks for, and its output budget in words, travel in the user message.
 */
class LlmPrepGenerator implements PrepGenerator {

    private static final Pattern HEADING = Pattern.compile("(?m)^# (\\w+)\\s*$");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Words per output token budgeted for markdown prose (English runs about 0.75; headings and lists cost more). */
    private static final double WORDS_PER_TOKEN = 0.6;

    static final String CONTEXT_RULES = """
            You prepare a job seeker for interviews for the job below. The resume and its projects are the only \
            source of the candidate's experience: never invent experience, numbers or employers. Answer in markdown, \
            with each requested section starting on a line that is exactly "# <name>" and nothing else; inside \
            sections use ## or deeper headings only.""";

    static final String BASE_RULES = """
            Write the BASE PREP: five sections in this order: formatted_jd, company_context, primary_drivers,
            background_narrative, resume_defense_prep.
            formatted_jd: the JD as readable markdown; bold phrases that support the drivers; drop benefits, perks,
            awards and employer branding. company_context: only facts the JD states, under ### What the company does,
            ### Core products and users, ### Stated mission or values, ### Why this team exists; no marketing language.
            primary_drivers: 1-3 signals present in both the JD and the resume, as "**Signal**: justification".
            background_narrative: a 60-120 second "tell me about yourself" with ### Opening one-liner, ### Core
            narrative, ### Forward hook; no chronological walk. resume_defense_prep: for the (at most 5) resume
            bullets that carry the primary drivers, a ### Resume Bullet: "<text>" block with three follow-up
            questions and short answers, How to Defend, If They Drill Deeper and a 30-second pitch, from the
            projects' facts.""";

    static final String INTERVIEW_RULES = """
            Write the prep for ONE interview, defined by stage and focus: the stage sets depth and formality, the
            focus filters the content. Four sections in this order: prep_plan, predicted_questions,
            interviewer_questions, technical_deep_dives.
            prep_plan: four phases (Foundation Review, Active Practice, Polish & Integration, Final Confidence Check)
            and a Minimum Viable Prep list; flag gaps from prior interview notes as PRIORITY. predicted_questions:
            3-5 questions on the focus, each with its intent, a STAR answer from the resume projects, tips and "If
            asked for more detail". interviewer_questions: 5 questions calibrated to the interviewer's title and the
            stage, not repeating earlier rounds. technical_deep_dives: prior gaps first, then technologies repeated
            across projects, then core JD technologies; minimal for behavioral and case; skipped or high-level for a
            recruiter screen.""";

    private final LlmClient llm;
    private final int baseMaxOutputTokens;
    private final int interviewMaxOutputTokens;

    LlmPrepGenerator(LlmClient llm, int baseMaxOutputTokens, int interviewMaxOutputTokens) {
        this.llm = llm;
        this.baseMaxOutputTokens = baseMaxOutputTokens;
        this.interviewMaxOutputTokens = interviewMaxOutputTokens;
    }

    @Override
    public Generated base(BaseInput in) {
        String user = BASE_RULES + "\n" + lengthRule(baseMaxOutputTokens);
        return generate(in.ownerId(), "prep_base", in.job().jobId(), in.applicationId(), context(in.job(), in.resume()),
                user, PrepSection.of(true), baseMaxOutputTokens);
    }

    @Override
    public Generated interview(InterviewInput in) {
        String notes = in.earlierRounds().isEmpty() ? "[]" : JSON.writeValueAsString(in.earlierRounds().stream()
                .map(r -> Map.of("stage", OfflinePrepGenerator.display(r.stage()),
                        "focus", OfflinePrepGenerator.display(r.focus()), "date", r.scheduledAt().toString(),
                        "questionsAsked", r.questionsAsked() == null ? "" : r.questionsAsked(),
                        "selfReflection", r.selfReflection() == null ? "" : r.selfReflection())).toList());
        String user = INTERVIEW_RULES + "\n" + lengthRule(interviewMaxOutputTokens)
                + "\n\nPRIMARY DRIVERS:\n" + in.base().getOrDefault(PrepSection.PRIMARY_DRIVERS, "")
                + "\n\nINTERVIEW STAGE: " + OfflinePrepGenerator.display(in.interview().stage())
                + "\nINTERVIEW FOCUS: " + OfflinePrepGenerator.display(in.interview().focus())
                + "\nINTERVIEWER TITLE: " + (in.interview().interviewerTitle() == null ? "Not specified"
                : in.interview().interviewerTitle())
                + "\n\nPRIOR INTERVIEW NOTES:\n" + notes;
        return generate(in.ownerId(), "prep_interview", in.job().jobId(), in.applicationId(),
                context(in.job(), in.resume()), user, PrepSection.of(false), interviewMaxOutputTokens);
    }

    /** The shared, cacheable system prompt: identical for every document of the same job and resume. */
    static String context(JdParsed job, ResumeRendered.Content resume) {
        return CONTEXT_RULES + "\n\nJOB DESCRIPTION:\n" + job.rawJd() + "\n\nRESUME:\n" + resume(resume)
                + "\nRESUME PROJECTS:\n" + projects(resume);
    }

    /**
     * The budget said in words: a model that does not know its limit writes until it is cut off, and a cut-off
     * answer is a failed generation ({@code TRUNCATED}), so the prompt keeps it well inside {@code max_tokens}.
     */
    static String lengthRule(int maxOutputTokens) {
        return "Keep the whole answer under " + Math.round(maxOutputTokens * WORDS_PER_TOKEN / 100) * 100
                + " words; be concrete rather than long.";
    }

    /**
     * One streamed answer; when it is complete but lacks sections, one repair: a second {@code streamText} that names
     * the missing sections and asks for them alone, merged into the first answer's. Still missing after the repair:
     * {@code LlmFailure(INVALID_OUTPUT)}. A truncated stream (either call) fails in llm-support with
     * {@code LlmFailure(TRUNCATED)} and is not repaired (a repair would hit the same limit).
     */
    private Generated generate(java.util.UUID ownerId, String purpose, java.util.UUID jobId,
                               java.util.UUID applicationId, String system, String user, List<PrepSection> expected,
                               int maxOutputTokens) {
        LlmResult<String> first = llm.streamText(LlmCall.builder(ownerId, purpose).jobId(jobId)
                .applicationId(applicationId).systemContext(system).userMessage(user).maxOutputTokens(maxOutputTokens)
                .build());
        Map<String, String> found = split(first.value());
        List<String> missing = missing(found, expected);
        LlmResult<String> last = first;
        if (!missing.isEmpty()) {
            String repair = user + "\n\nYOUR PREVIOUS ANSWER LACKED THESE SECTIONS (missing or empty): "
                    + String.join(", ", missing) + ".\nWrite only these sections now, in this order, each starting with"
                    + " a line that is exactly \"# <name>\" and nothing else: "
                    + missing.stream().map(m -> "# " + m).collect(Collectors.joining(", ")) + ".";
            last = llm.streamText(LlmCall.builder(ownerId, purpose).jobId(jobId).applicationId(applicationId)
                    .systemContext(system).userMessage(repair).maxOutputTokens(maxOutputTokens).build());
            split(last.value()).forEach((name, text) -> {
                if (missing.contains(name) && !text.isBlank()) {
                    found.put(name, text);
                }
            });
        }
        return new Generated(validated(found, expected, purpose), last.provider() + "/" + last.model());
    }

    /** Splits the complete answer at its {@code # name} lines; every expected section must be there and not blank. */
    static Map<PrepSection, String> sections(String answer, List<PrepSection> expected, String purpose) {
        return validated(split(answer), expected, purpose);
    }

    private static List<String> missing(Map<String, String> found, List<PrepSection> expected) {
        return expected.stream().filter(s -> found.getOrDefault(s.heading(), "").isBlank())
                .map(PrepSection::heading).toList();
    }

    private static Map<PrepSection, String> validated(Map<String, String> found, List<PrepSection> expected,
                                                      String purpose) {
        Map<PrepSection, String> sections = new EnumMap<>(PrepSection.class);
        List<String> missing = missing(found, expected);
        if (!missing.isEmpty()) {
            throw new LlmFailure(purpose, LlmFailure.Reason.INVALID_OUTPUT,
                    "the answer lacks section(s) " + String.join(", ", missing));
        }
        expected.forEach(s -> sections.put(s, found.get(s.heading())));
        return sections;
    }

    private static Map<String, String> split(String answer) {
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
        return found;
    }

    /** Reference §5.2: role titles with their bullets, then skills; companies, dates and places left out. */
    private static String resume(ResumeRendered.Content resume) {
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

    private static String projects(ResumeRendered.Content resume) {
        if (resume == null || resume.projects().isEmpty()) {
            return "[]";
        }
        return JSON.writeValueAsString(resume.projects().stream().map(p -> Map.of(
                "problem_context", p.problemContext() == null ? "" : p.problemContext(), "actions", p.actions(),
                "tools", p.tools(), "outcomes", p.outcomes())).collect(Collectors.toList()));
    }
}
