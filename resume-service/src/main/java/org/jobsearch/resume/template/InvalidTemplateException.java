package org.jobsearch.resume.template;

import java.util.List;
import java.util.stream.Collectors;

/** A template that may not be stored (or chosen); each problem named by its JSON pointer into the request. */
public class InvalidTemplateException extends RuntimeException {

    private final transient List<Problem> problems;

    public InvalidTemplateException(List<Problem> problems) {
        super(problems.stream().map(p -> p.pointer() + " " + p.detail()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public InvalidTemplateException(String pointer, String detail) {
        this(List.of(new Problem(pointer, detail)));
    }

    public List<Problem> problems() {
        return problems;
    }

    /** @param pointer RFC 6901, into the request body */
    public record Problem(String pointer, String detail) {
    }
}
