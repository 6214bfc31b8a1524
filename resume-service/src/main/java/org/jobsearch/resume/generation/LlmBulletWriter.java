package org.jobsearch.resume.generation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jobsearch.llm.LlmCall;
import org.jobsearch.llm.LlmClient;
import org.jobsearch.llm.LlmResult;
import org.jobsearch.resume.experience.ExperienceProject;
import org.jobsearch.resume.experience.ExperienceRole;
import org.jobsearch.resume.jd.ParsedJd;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Bullets from the configured model, in <b>one call for all roles</b> (the original made one call per role): every
 * role's call would repeat the rules, the requirements and the format instruction, and even with the experience base
 * cached the three extra reads cost more than the single call's whole base (see docs/benchmarks.md). The rules and
 * the experience base are the system prompt (static for the resume, cached where the provider supports it); the
 * requirements, sorted by relevance, and each role's bullet allowance are the user message.
 *
 * <p>The answer is validated as {@link Drafted} and then checked by the {@link BulletVerifier}; either kind of
 * problem gets the one repair call llm-support makes, with the findings listed, and a second failure is an
 * {@link org.jobsearch.llm.LlmFailure} — nothing is returned to be rendered. Skills need no call: {@link Skills}.
 */
final class LlmBulletWriter implements BulletWriter {

    static final String PURPOSE = "bullets";

    /** The reference's bullet prompt rules; static so the provider can cache them with the experience base. */
    static final String RULES = """
            You write resume bullets for the user's past roles, tailored to one job.
            Rules:
            - Use only facts from the user's projects below. Never invent or change a number, metric, tool, team or \
            result; a number or tool may appear only if the cited project states it.
            - Each bullet comes from one project of that role and carries its projectKey exactly as given in [brackets].
            - At most 25 words per bullet; one action or outcome per bullet; one main metric.
            - Favour projects that meet the most relevant requirements; frame bullets toward the target role.
            - Work the requirements' keywords in naturally where the project supports them; mention collaboration \
            where it fits.
            - No stacked tool lists, no compound outcomes; no buzzwords (spearheaded, championed, engineered, \
            streamlined) and no vague "improved scalability/efficiency".
            - Per role, order bullets by impact and write no more than the role's allowance.
            """;

    private final LlmClient llm;
    private final BulletVerifier verifier;

    LlmBulletWriter(LlmClient llm, BulletVerifier verifier) {
        this.llm = llm;
        this.verifier = verifier;
    }

    @Override
    public String name() {
        return llm.provider() + "/" + llm.model();
    }

    @Override
    public Written write(Request request) {
        List<ExperienceRole> roles = request.roles().stream().filter(r -> !r.projects().isEmpty()).toList();
        List<ResumeContent.SkillsLine> skills = Skills.select(request.requirements(), request.roles());
        LlmResult<Drafted> result = llm.structured(
                LlmCall.builder(request.ownerId(), PURPOSE).jobId(request.jobId())
                        .systemContext(systemContext(roles))
                        .userMessage(userMessage(request, roles))
                        .maxOutputTokens(maxOutputTokens(roles.size()))
                        .build(),
                Drafted.class,
                drafted -> verifier.violations(request, new Written(bullets(drafted, roles), skills)));
        return new Written(bullets(result.value(), roles), skills);
    }

    /** Room for the longest allowance (5 bullets of 25 words plus JSON) per role; a cut-off answer is useless. */
    static int maxOutputTokens(int roles) {
        return Math.min(4000, 200 + 400 * Math.max(1, roles));
    }

    /** The rules, then every role's projects in a compact labelled form (no JSON quoting and keys per value). */
    static String systemContext(List<ExperienceRole> roles) {
        StringBuilder text = new StringBuilder(RULES).append("\nThe user's experience, by role; cite projects by the "
                + "key in [brackets]:\n");
        for (ExperienceRole role : roles) {
            text.append("\nRole ").append(role.key()).append(": ").append(role.title()).append(", ")
                    .append(role.company()).append('\n');
            for (ExperienceProject project : role.projects()) {
                text.append('[').append(project.key()).append("] ").append(project.shortName()).append('\n');
                if (project.problemContext() != null && !project.problemContext().isBlank()) {
                    text.append("Context: ").append(project.problemContext().strip()).append('\n');
                }
                line(text, "Actions", project.actions());
                line(text, "Tools", project.tools());
                line(text, "Outcomes", project.outcomes());
            }
        }
        return text.toString();
    }

    private static void line(StringBuilder text, String label, List<String> items) {
        if (!items.isEmpty()) {
            text.append(label).append(": ").append(String.join("; ", items.stream().map(String::strip).toList()))
                    .append('\n');
        }
    }

    static String userMessage(Request request, List<ExperienceRole> roles) {
        StringBuilder text = new StringBuilder("Target role: ").append(request.targetRole()).append('\n');
        text.append("Write bullets for each role (role key: at most N bullets): ").append(roles.stream()
                .map(r -> r.key() + ": " + request.maxBulletsPerRole().getOrDefault(r.key(), 3))
                .collect(Collectors.joining(", "))).append('\n');
        text.append("Requirements, most relevant first (relevance | requirement | keywords):\n");
        request.requirements().stream()
                .sorted(Comparator.comparing(ParsedJd.Requirement::relevance).reversed())
                .forEach(r -> text.append(String.format(Locale.ROOT, "%.2f", r.relevance())).append(" | ")
                        .append(r.text().strip()).append(" | ").append(String.join(", ", r.keywords())).append('\n'));
        return text.toString();
    }

    /**
     * The answer by role key, in the requested roles' order, then any role the model named that was not asked for
     * (so the verifier reports it); a requested role it left out gets an empty list, which the verifier reports too.
     */
    static Map<String, List<ResumeContent.Bullet>> bullets(Drafted drafted, List<ExperienceRole> roles) {
        Map<String, List<ResumeContent.Bullet>> bullets = new LinkedHashMap<>();
        roles.forEach(r -> bullets.put(r.key(), new ArrayList<>()));
        for (Drafted.RoleBullets role : drafted.roles()) {
            List<ResumeContent.Bullet> list = bullets.computeIfAbsent(role.roleKey().strip(), k -> new ArrayList<>());
            role.bullets().forEach(b -> list.add(new ResumeContent.Bullet(b.text().strip(), b.projectKey().strip())));
        }
        Map<String, List<ResumeContent.Bullet>> copy = new LinkedHashMap<>();
        bullets.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return copy;
    }

    /** What the model answers: bullets grouped by role, each with the key of the project it came from. */
    record Drafted(@NotEmpty @Size(max = 30) List<@NotNull @Valid RoleBullets> roles) {

        record RoleBullets(@NotBlank String roleKey, @NotEmpty @Size(max = 10) List<@NotNull @Valid Bullet> bullets) {
        }

        record Bullet(@NotBlank @Size(max = 400) String text, @NotBlank String projectKey) {
        }
    }
}
