package org.jobsearch.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

import java.io.IOException;

/** Answers an authenticated request that lacks a role (or a CSRF token) with 403 Problem Details. */
public final class ProblemDetailsAccessDeniedHandler implements AccessDeniedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        String detail = exception instanceof CsrfException
                ? "The request has no valid CSRF token: send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header."
                : "Your roles do not allow this request.";
        ProblemDetailsWriter.write(request, response, HttpStatus.FORBIDDEN, detail);
    }
}
