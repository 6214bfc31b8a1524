package org.jobsearch.resume.generation;

import org.jobsearch.resume.jd.ParsedJd;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which requirements (and keywords) a resume addresses, from its printed text alone (edits applied): a keyword is
 * covered when a bullet or skills line names it (whole word, any case); a requirement is addressed when one of its
 * keywords is. Requirements are in relevance order.
 */
public record Coverage(List<RequirementCoverage> requirements, List<String> keywordsCovered,
                       List<String> keywordsMissing) {

    public record RequirementCoverage(String text, double relevance, boolean addressed, List<String> keywordsCovered,
                                      List<String> keywordsMissing) {
    }

    static Coverage of(List<ParsedJd.Requirement> requirements, ResumeContent content) {
        StringBuilder printed = new StringBuilder();
        // what the PDF prints: excluded items left out, overrides instead of the generated text
        content.roles().forEach(r -> r.bullets().stream().filter(b -> !b.exclude())
                .forEach(b -> printed.append(b.printed()).append('\n')));
        content.skills().stream().filter(s -> !s.exclude())
                .forEach(s -> printed.append(s.category()).append(": ").append(s.printed()).append('\n'));
        String text = printed.toString();
        List<RequirementCoverage> result = new ArrayList<>();
        Set<String> covered = new LinkedHashSet<>();
        Set<String> missing = new LinkedHashSet<>();
        requirements.stream().sorted((a, b) -> Double.compare(b.relevance(), a.relevance())).forEach(requirement -> {
            List<String> yes = requirement.keywords().stream().filter(k -> OfflineBulletWriter.mentions(text, k))
                    .toList();
            List<String> no = requirement.keywords().stream().filter(k -> !yes.contains(k)).toList();
            covered.addAll(yes);
            missing.addAll(no);
            result.add(new RequirementCoverage(requirement.text(), requirement.relevance(), !yes.isEmpty(), yes, no));
        });
        missing.removeAll(covered);
        return new Coverage(result, List.copyOf(covered), List.copyOf(missing));
    }
}
