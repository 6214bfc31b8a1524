package org.jobsearch.rest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 404 as Problem Details. Thrown alike for a resource that does not exist and for one that belongs to another user,
 * so a response never reveals that someone else's resource exists.
 */
public class ResourceNotFoundException extends ErrorResponseException {

    public ResourceNotFoundException(String resource, Object id) {
        super(HttpStatus.NOT_FOUND, problem(resource, id), null);
    }

    private static ProblemDetail problem(String resource, Object id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No " + resource + " with id " + id);
        problem.setTitle(Character.toUpperCase(resource.charAt(0)) + resource.substring(1) + " not found");
        return problem;
    }
}
