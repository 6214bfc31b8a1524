package org.jobsearch.resume.experience;

import java.util.List;
import java.util.stream.Collectors;

/** An experience document that is well-formed but inconsistent; each problem named by its JSON pointer. */
public class InvalidExperienceException extends RuntimeException {

    private final transient List<Problem> problems;

    public InvalidExperienceException(List<Problem> problems) {
        super(problems.stream().map(p -> p.pointer() + " " + p.detail()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** @param pointer RFC 6901, into the request body */
    public record Problem(String pointer, String detail) {
    }
}
