package org.jobsearch.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;

import java.io.IOException;
import java.net.URI;

/**
 * Writes RFC 9457 Problem Details from servlet filters, where Spring MVC's exception handling
 * (and so {@code spring.mvc.problemdetails}) does not reach.
 */
final class ProblemDetailsWriter {

    // the converter applies Spring's ProblemDetail mix-in, so the JSON has the RFC's shape
    private static final JacksonJsonHttpMessageConverter CONVERTER = new JacksonJsonHttpMessageConverter();

    private ProblemDetailsWriter() {
    }

    static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        ServletServerHttpResponse output = new ServletServerHttpResponse(response);
        CONVERTER.write(problem, MediaType.APPLICATION_PROBLEM_JSON, output);
        output.flush();
    }
}
