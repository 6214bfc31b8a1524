package org.jobsearch.identity.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import java.io.IOException;
import java.util.Objects;

/**
 * Answers an unauthenticated API request with 401 and a Problem Details body instead of a login
 * redirect or an empty body. A delegate may add its challenge first (a resource server's
 * {@code WWW-Authenticate: Bearer ...}); the body is written afterwards.
 */
public final class ProblemDetailsAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final AuthenticationEntryPoint challenge;
    private final String detail;

    /**
     * @param challenge sets the challenge header (may be {@code null}: no challenge)
     * @param detail    what the client should do, e.g. which credentials it has to send
     */
    public ProblemDetailsAuthenticationEntryPoint(AuthenticationEntryPoint challenge, String detail) {
        this.challenge = challenge;
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException, ServletException {
        if (challenge != null) {
            challenge.commence(request, response, exception);
        }
        ProblemDetailsWriter.write(request, response, HttpStatus.UNAUTHORIZED, detail);
    }
}
