package org.jobsearch.prep.preparation;

import org.jobsearch.events.JdParsed;
import org.jobsearch.events.ResumeRendered;
import org.jobsearch.llm.LlmClient;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Prep without an LLM: deterministic extraction from the JD and selection from the user's own resume and project
 * facts, calibrated by stage, focus and interviewer title with a fixed question bank. Every section says it is an
 * offline draft, and says so where the inputs cannot supply something (no resume, a bullet without project facts)
 * rather than inventing it.
 */
class OfflinePrepGenerator implements PrepGenerator {

    static final String GENERATOR = "offline";
    static final String LABEL = "_Offline draft: assembled from the job description and your resume without an LLM._";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final LlmClient llm;

    OfflinePrepGenerator(LlmClient llm) {
        this.llm = llm;
    }

    // ------------------------------------------------------------------------------------------------ base

    @Override
    public Generated base(BaseInput in) {
        long started = System.nanoTime();
        List<Driver> drivers = drivers(in.job(), in.resume());
        Map<PrepSection, String> sections = new EnumMap<>(PrepSection.class);
        sections.put(PrepSection.FORMATTED_JD, formattedJd(in.job(), drivers));
        sections.put(PrepSection.COMPANY_CONTEXT, companyContext(in.job()));
        sections.put(PrepSection.PRIMARY_DRIVERS, primaryDrivers(in.job(), in.resume(), drivers));
        sections.put(PrepSection.BACKGROUND_NARRATIVE, narrative(in.job(), in.resume(), drivers));
        sections.put(PrepSection.RESUME_DEFENSE, resumeDefense(in.resume()));
        llm.recordOffline(in.ownerId(), "prep_base", in.job().jobId(), in.applicationId(),
                Duration.ofNanos(System.nanoTime() - started));
        return new Generated(sections, GENERATOR);
    }

    /** A requirement of the JD and where the resume shows it. */
    record Driver(JdParsed.Requirement requirement, List<String> matchedKeywords, List<String> bullets,
                  List<String> skills) {
        boolean evidenced() {
            return !bullets.isEmpty() || !skills.isEmpty();
        }
    }

    /** Requirements by relevance, each with the bullets and skills that carry its keywords. */
    static List<Driver> drivers(JdParsed job, ResumeRendered.Content resume) {
        List<Driver> drivers = new ArrayList<>();
        for (JdParsed.Requirement requirement : byRelevance(job)) {
            List<String> keywords = new ArrayList<>();
            Set<String> bullets = new LinkedHashSet<>();
            Set<String> skills = new LinkedHashSet<>();
            if (resume != null) {
                for (String keyword : requirement.keywords()) {
                    boolean found = false;
                    for (ResumeRendered.Role role : resume.roles()) {
                        for (ResumeRendered.Bullet bullet : role.bullets()) {
                            if (mentions(bullet.text(), keyword)) {
                                bullets.add(bullet.text());
                                found = true;
                            }
                        }
                    }
                    for (ResumeRendered.SkillsLine line : resume.skills()) {
                        for (String skill : line.skills()) {
                            if (skill.equalsIgnoreCase(keyword)) {
                                skills.add(line.category() + ": " + skill);
                                found = true;
                            }
                        }
                    }
                    if (found) {
                        keywords.add(keyword);
                    }
                }
            }
            drivers.add(new Driver(requirement, keywords, List.copyOf(bullets), List.copyOf(skills)));
        }
        return drivers;
    }

    private static String formattedJd(JdParsed job, List<Driver> drivers) {
        Set<String> bold = drivers.stream().filter(Driver::evidenced).limit(3)
                .flatMap(d -> d.matchedKeywords().stream()).collect(Collectors.toCollection(LinkedHashSet::new));
        Pattern emphasis = bold.isEmpty() ? null : Pattern.compile(bold.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(k -> "(?<![\\w])" + Pattern.quote(k) + "(?![\\w])")
                .collect(Collectors.joining("|")), Pattern.CASE_INSENSITIVE);
        StringBuilder md = new StringBuilder(LABEL).append("\n\n");
        String[] lines = job.cleanedJd().split("\\R");
        boolean first = true;
        boolean skipping = false;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (first) {
                md.append("## ").append(line).append("\n\n");
                first = false;
                continue;
            }
            if (isHeading(line)) {
                skipping = line.toLowerCase(Locale.ROOT).matches(".*(perk|benefit|equal opportunity|award|why work).*");
                if (!skipping) {
                    md.append("\n### ").append(line.replaceAll(":$", "")).append("\n\n");
                }
                continue;
            }
            if (skipping) {
                continue;
            }
            String text = line.replaceFirst("^[-•*]\\s*", "");
            if (emphasis != null) {
                text = emphasis.matcher(text).replaceAll(m -> "**" + Matcher.quoteReplacement(m.group()) + "**");
            }
            md.append(line.matches("^[-•*].*") ? "- " + text : text).append('\n');
        }
        return md.toString().strip();
    }

    private static boolean isHeading(String line) {
        return line.length() <= 40 && !line.matches(".*[.,;!?]$") && !line.matches("^[-•*].*")
                && !line.matches(".*\\d.*") && Character.isUpperCase(line.charAt(0)) && line.split("\\s+").length <= 5;
    }

    private static String companyContext(JdParsed job) {
        String company = job.metadata().company();
        List<String> sentences = sentences(job.rawJd());
        StringBuilder md = new StringBuilder(LABEL).append("\n\nOnly what the job description states.\n\n");
        md.append("### What the company does\n\n").append(facts(sentences, s -> s.contains(company)
                && !s.toLowerCase(Locale.ROOT).contains("equal opportunity")
                && !s.toLowerCase(Locale.ROOT).matches(".*(values|mission).*"))).append("\n\n");
        md.append("### Core products and users\n\n").append(facts(sentences, s -> s.toLowerCase(Locale.ROOT)
                .matches(".*\\b(used by|customers?|users?|clients?|products?|platform)\\b.*")
                && !s.toLowerCase(Locale.ROOT).contains("equal opportunity"))).append("\n\n");
        md.append("### Stated mission or values\n\n").append(facts(sentences, s -> s.toLowerCase(Locale.ROOT)
                .matches(".*\\b(mission|values?|believe|care about)\\b.*"))).append("\n\n");
        md.append("### Why this team exists\n\n").append(facts(sentences, s -> s.toLowerCase(Locale.ROOT)
                .matches(".*\\b(you will|this team|the team|our team|we are looking|you'll)\\b.*"))).append("\n\n");
        JdParsed.JobMetadata meta = job.metadata();
        md.append("### The role as parsed\n\n")
                .append("- ").append(meta.listingJobTitle()).append(" at ").append(company).append('\n');
        if (meta.location() != null) {
            md.append("- ").append(meta.location()).append(" (").append(display(meta.workSetting().name()))
                    .append(")\n");
        }
        if (meta.minExperienceYears() != null) {
            md.append("- At least ").append(meta.minExperienceYears()).append(" years of experience\n");
        }
        if (meta.minSalary() != null || meta.maxSalary() != null) {
            md.append("- Salary range stated: ").append(money(meta.minSalary())).append("–")
                    .append(money(meta.maxSalary())).append('\n');
        }
        return md.toString().strip();
    }

    private static String facts(List<String> sentences, java.util.function.Predicate<String> keep) {
        List<String> kept = sentences.stream().filter(keep).limit(3).toList();
        return kept.isEmpty() ? "The job description does not say." : String.join(" ", kept);
    }

    private static String primaryDrivers(JdParsed job, ResumeRendered.Content resume, List<Driver> drivers) {
        StringBuilder md = new StringBuilder(LABEL).append("\n\n");
        if (resume == null) {
            md.append("No resume has been rendered for this job yet, so the drivers cannot be matched to your "
                    + "experience. The job's most relevant requirements:\n\n");
            drivers.stream().limit(3).forEach(d -> md.append("- **").append(d.requirement().text()).append("**\n"));
            return md.toString().strip();
        }
        List<Driver> evidenced = drivers.stream().filter(Driver::evidenced).limit(3).toList();
        if (evidenced.isEmpty()) {
            md.append("None of the job's requirement keywords appear in your resume: the callback more likely came "
                    + "from overall fit. Review the requirements and prepare how your experience maps to them.");
            return md.toString();
        }
        for (Driver d : evidenced) {
            md.append("- **").append(String.join(", ", d.matchedKeywords())).append("**: the JD asks to \"")
                    .append(d.requirement().text()).append("\" (relevance ")
                    .append(Math.round(d.requirement().relevance() * 100)).append("%)");
            if (!d.bullets().isEmpty()) {
                md.append(", and your resume shows it in \"").append(d.bullets().get(0)).append('"');
            }
            if (!d.skills().isEmpty()) {
                md.append(d.bullets().isEmpty() ? ", and your skills list " : " and in your skills (")
                        .append(String.join("; ", d.skills())).append(d.bullets().isEmpty() ? "" : ")");
            }
            md.append(".\n");
        }
        return md.toString().strip();
    }

    private static String narrative(JdParsed job, ResumeRendered.Content resume, List<Driver> drivers) {
        StringBuilder md = new StringBuilder(LABEL).append("\n\n");
        if (resume == null || resume.roles().isEmpty()) {
            return md.append("No resume has been rendered for this job yet: the narrative is built from your "
                    + "resume's roles and will appear once a resume is rendered and the prep regenerated.").toString();
        }
        ResumeRendered.Role current = resume.roles().get(0);
        List<Driver> evidenced = drivers.stream().filter(d -> !d.bullets().isEmpty()).limit(3).toList();
        String themes = evidenced.stream().flatMap(d -> d.matchedKeywords().stream().limit(2)).distinct().limit(4)
                .collect(Collectors.joining(", "));
        md.append("### Opening one-liner\n\n\"I'm a ").append(current.title()).append(" at ")
                .append(current.company());
        if (!themes.isEmpty()) {
            md.append(", working mostly on ").append(themes);
        }
        md.append(".\"\n\n### Core narrative\n\n");
        List<String> points = new ArrayList<>();
        for (Driver d : evidenced) {
            String bullet = d.bullets().get(0);
            points.add("- " + roleOf(resume, bullet) + ": " + bullet + " (speaks to \"" + d.requirement().text()
                    + "\")");
        }
        if (points.isEmpty()) {
            for (ResumeRendered.Role role : resume.roles()) {
                if (!role.bullets().isEmpty() && points.size() < 3) {
                    points.add("- " + role.title() + ", " + role.company() + ": " + role.bullets().get(0).text());
                }
            }
        }
        md.append(String.join("\n", points)).append("\n\n");
        md.append("### Forward hook\n\n\"That is why the ").append(job.metadata().listingJobTitle())
                .append(" role at ").append(job.metadata().company()).append(" appeals to me: ");
        List<JdParsed.Requirement> top = byRelevance(job);
        md.append(top.isEmpty() ? "it builds on what I do best." : "I want to keep going deeper on "
                + lowerFirst(top.get(0).text()) + ".").append("\"\n\nKeep it to 60–120 seconds; do not walk "
                + "through the resume in order.");
        return md.toString().strip();
    }

    private static String resumeDefense(ResumeRendered.Content resume) {
        StringBuilder md = new StringBuilder(LABEL).append("\n\n");
        if (resume == null) {
            return md.append("No resume has been rendered for this job yet: nothing to defend until one is.")
                    .toString();
        }
        Map<String, ResumeRendered.Project> projects = projects(resume);
        for (ResumeRendered.Role role : resume.roles()) {
            for (ResumeRendered.Bullet bullet : role.bullets()) {
                md.append("### Resume Bullet: \"").append(bullet.text()).append("\"\n\n_")
                        .append(role.title()).append(", ").append(role.company()).append("_\n\n");
                ResumeRendered.Project p = bullet.projectKey() == null ? null : projects.get(bullet.projectKey());
                if (p == null) {
                    md.append("No project facts stand behind this bullet (it was written by hand). Prepare the "
                            + "story yourself: the situation, what you did, how you measured the result.\n\n");
                    continue;
                }
                md.append("**Project facts (").append(p.name()).append(")**\n\n");
                if (p.problemContext() != null) {
                    md.append("- Problem: ").append(p.problemContext()).append('\n');
                }
                p.actions().forEach(a -> md.append("- Action: ").append(a).append('\n'));
                if (!p.tools().isEmpty()) {
                    md.append("- Tools: ").append(String.join(", ", p.tools())).append('\n');
                }
                p.outcomes().forEach(o -> md.append("- Outcome: ").append(o).append('\n'));
                md.append("\n**Likely follow-ups**\n\n");
                if (!p.tools().isEmpty()) {
                    md.append("1. Technical: \"How did you use ").append(p.tools().get(0))
                            .append(" here, and why it rather than an alternative?\" Answer from the tools and "
                                    + "actions above; name one alternative you considered.\n");
                }
                if (!p.actions().isEmpty()) {
                    md.append("2. Decision: \"What trade-off did you make when you ").append(lowerFirst(
                            p.actions().get(0))).append("?\"\n");
                }
                if (!p.outcomes().isEmpty()) {
                    md.append("3. Impact: \"How did you measure that ").append(lowerFirst(p.outcomes().get(0)))
                            .append("?\"\n");
                }
                md.append("\n**If they drill deeper**: be ready on the architecture, the scale, what went wrong "
                        + "and how you know the outcome holds.\n\n**30-second pitch**: ");
                md.append(p.problemContext() == null ? "" : p.problemContext() + " ")
                        .append(p.actions().isEmpty() ? "" : "I " + p.actions().stream().map(
                                OfflinePrepGenerator::lowerFirst).collect(Collectors.joining("; ")) + ". ")
                        .append(String.join(". ", p.outcomes())).append(p.outcomes().isEmpty() ? "" : ".")
                        .append("\n\n");
            }
        }
        return md.toString().strip();
    }

    // ------------------------------------------------------------------------------------------- interview

    @Override
    public Generated interview(InterviewInput in) {
        long started = System.nanoTime();
        Calibration c = Calibration.of(in.interview());
        Map<PrepSection, String> sections = new EnumMap<>(PrepSection.class);
        List<String> gaps = gapTopics(in);
        sections.put(PrepSection.PREP_PLAN, prepPlan(in, c, gaps));
        sections.put(PrepSection.PREDICTED_QUESTIONS, predictedQuestions(in, c));
        sections.put(PrepSection.INTERVIEWER_QUESTIONS, interviewerQuestions(in, c));
        sections.put(PrepSection.TECHNICAL_DEEP_DIVES, deepDives(in, c, gaps));
        llm.recordOffline(in.ownerId(), "prep_interview", in.job().jobId(), in.applicationId(),
                Duration.ofNanos(System.nanoTime() - started));
        return new Generated(sections, GENERATOR);
    }

    private static String prepPlan(InterviewInput in, Calibration c, List<String> gaps) {
        StringBuilder md = new StringBuilder(LABEL).append("\n\n");
        md.append("**").append(display(in.interview().stage())).append(" – ").append(c.focusLabel())
                .append("** with ").append(c.interviewerLabel(in.interview())).append(" on ")
                .append(DAY.format(in.interview().scheduledAt())).append(". ").append(c.stageNote()).append("\n\n");
        if (!in.earlierRounds().isEmpty()) {
            md.append("### Lessons from earlier rounds\n\n");
            for (EarlierRound r : in.earlierRounds()) {
                md.append("- ").append(display(r.stage())).append(" (").append(DAY.format(r.scheduledAt()))
                        .append(")");
                if (hasText(r.questionsAsked())) {
                    md.append(": asked \"").append(oneLine(r.questionsAsked())).append('"');
                }
                if (hasText(r.selfReflection())) {
                    md.append("; your reflection: \"").append(oneLine(r.selfReflection())).append('"');
                }
                md.append('\n');
            }
            md.append('\n');
            if (!gaps.isEmpty()) {
                md.append("**CRITICAL**: your notes point at gaps in ").append(String.join(", ", gaps))
                        .append(". Study them first (PRIORITY).\n\n");
            }
        }
        md.append("### Phase 1: Foundation Review\n\nGoal: know your material cold.\n\n")
                .append("1. Re-read the primary callback drivers and your background narrative.\n")
                .append("2. Study the technical deep dives below").append(gaps.isEmpty() ? "" : ", gaps first")
                .append(".\n3. ").append(c.studyStep()).append("\n\n_Why this order_: you practise better once "
                        + "the facts are fresh.\n\n");
        md.append("### Phase 2: Active Practice\n\nGoal: say it out loud.\n\n");
        for (int i = 0; i < c.practice().size(); i++) {
            md.append(i + 1).append(". ").append(c.practice().get(i)).append('\n');
        }
        md.append("\n_Why this order_: practice exposes what the review missed.\n\n");
        md.append("### Phase 3: Polish & Integration\n\n1. Mock yourself on the predicted questions, 60–90 seconds "
                + "per answer.\n2. Pick 2–3 of the questions to ask.\n3. ").append(c.environmentStep(
                in.interview().format())).append("\n\n_Why this order_: polish what you have rather than adding "
                + "material late.\n\n");
        md.append("### Phase 4: Final Confidence Check (the day before)\n\n1. Skim the drivers, the narrative and "
                + "your STAR outlines.\n2. Sleep; no new material.\n\n");
        md.append("### Minimum Viable Prep\n\n1. Background narrative\n2. The first two predicted questions\n3. ")
                .append(gaps.isEmpty() ? c.minimum() : "The gaps from earlier rounds: " + String.join(", ", gaps))
                .append('\n');
        return md.toString().strip();
    }

    private static String predictedQuestions(InterviewInput in, Calibration c) {
        StringBuilder md = new StringBuilder(LABEL).append("\n\n");
        List<ResumeRendered.Project> projects = in.resume() == null ? List.of() : in.resume().projects();
        List<String> keywords = byRelevance(in.job()).stream().flatMap(r -> r.keywords().stream()).distinct()
                .toList();
        int n = 0;
        for (QuestionBank.Question q : QuestionBank.questions(c.bankKey())) {
            n++;
            String text = q.text().replace("{company}", in.job().metadata().company())
                    .replace("{title}", in.job().metadata().listingJobTitle())
                    .replace("{keyword}", keywords.isEmpty() ? "the core technology" : keywords.get(0))
                    .replace("{keyword2}", keywords.size() < 2 ? "the platform" : keywords.get(1));
            md.append("### ").append(n).append(". ").append(text).append("\n\n_Intent being evaluated_: ")
                    .append(q.intent()).append("\n\n");
            ResumeRendered.Project p = q.star() ? bestProject(projects, q, keywords, n) : null;
            if (q.star() && p != null) {
                md.append("**STAR outline from your project \"").append(p.name()).append("\"**\n\n")
                        .append("- Situation & Task: ").append(p.problemContext() == null ? "(state the problem)"
                                : p.problemContext()).append('\n')
                        .append("- Action: ").append(p.actions().isEmpty() ? "(what you did)"
                                : String.join("; ", p.actions())).append('\n')
                        .append("- Result: ").append(p.outcomes().isEmpty() ? "(the measured outcome)"
                                : String.join("; ", p.outcomes())).append("\n\n")
                        .append("_Open with_ the problem in one sentence; _close with_ the result and how it "
                                + "relates to the role.\n\n");
                if (!p.tools().isEmpty()) {
                    md.append("_If asked for more detail_: ").append(String.join(", ", p.tools())).append(".\n\n");
                }
            } else if (q.star()) {
                md.append("No project facts are available for a STAR outline: prepare Situation & Task (2 "
                        + "sentences), Action (2–4) and a measurable Result.\n\n");
            } else {
                md.append("_How to answer_: ").append(q.hint())
                        .append("\n\n");
            }
        }
        List<EarlierRound> withQuestions = in.earlierRounds().stream().filter(r -> hasText(r.questionsAsked()))
                .toList();
        if (!withQuestions.isEmpty()) {
            md.append("### Asked in earlier rounds (expect follow-ups)\n\n");
            withQuestions.forEach(r -> md.append("- ").append(display(r.stage())).append(": ")
                    .append(oneLine(r.questionsAsked())).append('\n'));
        }
        return md.toString().strip();
    }

    private static ResumeRendered.Project bestProject(List<ResumeRendered.Project> projects, QuestionBank.Question q,
                                                      List<String> keywords, int n) {
        if (projects.isEmpty()) {
            return null;
        }
        List<ResumeRendered.Project> ranked = projects.stream().sorted(Comparator.comparingLong(
                (ResumeRendered.Project p) -> p.tools().stream().filter(t -> keywords.stream()
                        .anyMatch(k -> k.equalsIgnoreCase(t))).count()).reversed()).toList();
        return ranked.get((n - 1) % ranked.size());
    }

    private static String interviewerQuestions(InterviewInput in, Calibration c) {
        StringBuilder md = new StringBuilder(LABEL).append("\n\n");
        String kind = c.interviewerKind(in.interview());
        md.append("Calibrated for ").append(c.interviewerLabel(in.interview())).append(".\n\n");
        int n = 0;
        for (QuestionBank.Question q : QuestionBank.toAsk(kind)) {
            n++;
            md.append(n).append(". **").append(q.text().replace("{company}", in.job().metadata().company()))
                    .append("**\n   - _Why this question works_: ").append(q.intent())
                    .append("\n   - _Interviewer calibration_: ").append(q.hint()).append('\n');
        }
        return md.toString().strip();
    }

    private static String deepDives(InterviewInput in, Calibration c, List<String> gaps) {
        StringBuilder md = new StringBuilder(LABEL).append("\n\n");
        if (c.depth() == 0) {
            md.append("Skipped for a ").append(display(in.interview().stage()))
                    .append(": expect no technical depth. Know at a high level what you did with: ")
                    .append(String.join(", ", topics(in, gaps).stream().limit(5).toList())).append('.');
            return md.toString();
        }
        List<String> topics = topics(in, gaps).stream().limit(c.depth()).toList();
        if (topics.isEmpty()) {
            md.append("No JD technology appears in your projects' tools: prepare honest answers on the JD's core "
                    + "technologies.\n");
        }
        List<ResumeRendered.Project> projects = in.resume() == null ? List.of() : in.resume().projects();
        for (String topic : topics) {
            md.append("### ").append(topic).append(gaps.contains(topic) ? " (PRIORITY: gap from an earlier round)"
                    : "").append("\n\n");
            String why = byRelevance(in.job()).stream().filter(r -> r.keywords().stream()
                    .anyMatch(k -> k.equalsIgnoreCase(topic))).map(JdParsed.Requirement::text).findFirst()
                    .orElse("it recurs across your projects");
            md.append("**Why this matters**: the JD asks to \"").append(why).append("\".\n\n");
            md.append("**What you need to know**: review the core concept, how it works, when to use it and its "
                    + "pitfalls (this offline draft cannot explain ").append(topic).append(" itself).\n\n");
            md.append("**Your experience with it**:\n\n");
            projects.stream().filter(p -> p.tools().stream().anyMatch(t -> t.equalsIgnoreCase(topic)))
                    .forEach(p -> md.append("- ").append(p.name()).append(": ")
                            .append(String.join("; ", p.actions())).append(p.outcomes().isEmpty() ? ""
                                    : " → " + String.join("; ", p.outcomes())).append('\n'));
            md.append("\n**Likely questions**: \"How did you use ").append(topic)
                    .append(" and what would you change?\", \"What breaks first with ").append(topic)
                    .append(" at ten times the scale?\"\n\n**60-second practice**: explain ").append(topic)
                    .append(" to the interviewer using your own project as the example.\n\n**If you don't know**: "
                            + "say what you would check and relate it to what you have run in production.\n\n");
            for (EarlierRound r : in.earlierRounds()) {
                if (mentions(r.selfReflection(), topic) || mentions(r.questionsAsked(), topic)) {
                    md.append("**Gap analysis from the ").append(display(r.stage())).append("**: you noted \"")
                            .append(oneLine(r.selfReflection() == null ? r.questionsAsked() : r.selfReflection()))
                            .append("\". What you should say this time: a concrete example from your projects, "
                                    + "then the trade-off.\n\n");
                }
            }
        }
        List<String> missing = byRelevance(in.job()).stream().flatMap(r -> r.keywords().stream()).distinct()
                .filter(k -> projects.stream().noneMatch(p -> p.tools().stream().anyMatch(t -> t.equalsIgnoreCase(k))))
                .limit(5).toList();
        if (!missing.isEmpty()) {
            md.append("### Not in your projects\n\nThe JD asks for ").append(String.join(", ", missing))
                    .append(", which none of your projects lists: prepare an honest answer and how you would ramp "
                            + "up.\n");
        }
        return md.toString().strip();
    }

    /** JD keywords ∩ the projects' tools: earlier-round gaps first, then tools repeated across projects, then JD order. */
    private static List<String> topics(InterviewInput in, List<String> gaps) {
        List<ResumeRendered.Project> projects = in.resume() == null ? List.of() : in.resume().projects();
        Map<String, Long> uses = new LinkedHashMap<>();
        for (JdParsed.Requirement r : byRelevance(in.job())) {
            for (String keyword : r.keywords()) {
                long count = projects.stream().filter(p -> p.tools().stream()
                        .anyMatch(t -> t.equalsIgnoreCase(keyword))).count();
                if (count > 0) {
                    uses.putIfAbsent(keyword, count);
                }
            }
        }
        List<String> ordered = new ArrayList<>(gaps.stream().filter(uses::containsKey).toList());
        uses.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(Map.Entry::getKey).filter(k -> !ordered.contains(k)).forEach(ordered::add);
        return ordered;
    }

    /** JD keywords the user's earlier debrief notes mention. */
    private static List<String> gapTopics(InterviewInput in) {
        Set<String> gaps = new LinkedHashSet<>();
        for (EarlierRound r : in.earlierRounds()) {
            for (JdParsed.Requirement req : byRelevance(in.job())) {
                for (String k : req.keywords()) {
                    if (mentions(r.selfReflection(), k) || mentions(r.questionsAsked(), k)) {
                        gaps.add(k);
                    }
                }
            }
        }
        return List.copyOf(gaps);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    static List<JdParsed.Requirement> byRelevance(JdParsed job) {
        return job.requirements().stream()
                .sorted(Comparator.comparing(JdParsed.Requirement::relevance).reversed()).toList();
    }

    static boolean mentions(String text, String keyword) {
        return text != null && keyword != null && Pattern.compile("(?<![\\w])" + Pattern.quote(keyword) + "(?![\\w])",
                Pattern.CASE_INSENSITIVE).matcher(text).find();
    }

    private static Map<String, ResumeRendered.Project> projects(ResumeRendered.Content resume) {
        Map<String, ResumeRendered.Project> byKey = new LinkedHashMap<>();
        resume.projects().forEach(p -> byKey.put(p.key(), p));
        return byKey;
    }

    private static String roleOf(ResumeRendered.Content resume, String bullet) {
        return resume.roles().stream().filter(r -> r.bullets().stream().anyMatch(b -> b.text().equals(bullet)))
                .map(r -> r.title() + ", " + r.company()).findFirst().orElse("");
    }

    private static List<String> sentences(String text) {
        return List.of(text.replaceAll("\\R+", " \n ").split("(?<=[.!?])\\s+|\\s\\n\\s")).stream()
                .map(String::strip).filter(s -> s.length() > 20 && s.matches(".*[.!?]$")).toList();
    }

    static String display(String snake) {
        if (snake == null) {
            return "Not specified";
        }
        String words = snake.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String money(Integer amount) {
        return amount == null ? "?" : String.format(Locale.US, "$%,d", amount);
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() || (s.length() > 1 && Character.isUpperCase(s.charAt(1))) ? s
                : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }

    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s*\\R\\s*", " / ");
    }
}
