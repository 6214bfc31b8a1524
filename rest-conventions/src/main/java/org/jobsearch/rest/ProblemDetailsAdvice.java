package org.jobsearch.rest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every error of a service's REST API as RFC 9457 Problem Details. On top of Spring's standard answers (which it
 * inherits): a 400 for invalid input lists each offending field in {@code errors} — a JSON pointer for the body
 * ({@code {"pointer": "/company", "detail": "must not be blank"}}), a name for a query or path parameter
 * ({@code {"parameter": "size", ...}}); a body that is not readable JSON is a 400 that says what and where; anything
 * unexpected is a 500 that reveals nothing of the server.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    /** The Problem Details extension member that lists the invalid fields. */
    public static final String ERRORS = "errors";

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final Comparator<InvalidField> BY_LOCATION = Comparator
            .comparing((InvalidField f) -> f.pointer() != null ? f.pointer() : "~" + f.parameter())
            .thenComparing(InvalidField::detail, Comparator.nullsFirst(Comparator.naturalOrder()));

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<InvalidField> errors = fromErrors(ex.getBindingResult(), ex.getParameter().hasParameterAnnotation(RequestBody.class));
        return invalid(ex, ex.getBody(), errors, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<InvalidField> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            MethodParameter parameter = result.getMethodParameter();
            if (result instanceof ParameterErrors parameterErrors) {
                errors.addAll(fromErrors(parameterErrors, parameter.hasParameterAnnotation(RequestBody.class)));
                continue;
            }
            boolean body = parameter.hasParameterAnnotation(RequestBody.class);
            String location = body ? containerPointer(result) : parameterName(parameter);
            result.getResolvableErrors().forEach(error -> errors.add(body
                    ? InvalidField.atPointer(location, error.getDefaultMessage())
                    : InvalidField.atParameter(location, error.getDefaultMessage())));
        }
        return invalid(ex, ex.getBody(), errors, headers, status, request);
    }

    /** A required query parameter left out: named in {@code errors} like any other invalid parameter. */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        List<InvalidField> errors = new ArrayList<>(List.of(InvalidField.atParameter(ex.getParameterName(), "is required")));
        return invalid(ex, ex.getBody(), errors, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle("Unreadable request body");
        JacksonException jackson = find(ex, JacksonException.class);
        if (jackson instanceof StreamReadException) {
            problem.setDetail("The request body is not valid JSON" + where(jackson.getLocation()) + ": "
                    + jackson.getOriginalMessage());
        } else if (jackson != null) {
            String pointer = JsonPointers.fromSegments(jackson.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : (Object) ref.getIndex())
                    .toList());
            String detail = jackson instanceof InvalidFormatException invalid && invalid.getValue() instanceof String text
                    && text.indexOf('\0') >= 0 ? TextWithoutNul.MESSAGE : "has an invalid value" + expected(jackson);
            boolean nul = detail.equals(TextWithoutNul.MESSAGE);
            problem.setDetail(pointer.isEmpty() ? "The request body " + detail
                    : nul ? "The request body's value at " + pointer + " " + detail
                    : "The request body has an invalid value at " + pointer + expected(jackson));
            problem.setProperty(ERRORS, List.of(InvalidField.atPointer(pointer, detail)));
        } else if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
            problem.setDetail("The request body is missing");
        } else {
            problem.setDetail("The request body could not be read");
        }
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /** Method validation on a bean outside Spring MVC's own (e.g. {@code @Validated} on a controller). */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
        List<InvalidField> errors = ex.getConstraintViolations().stream()
                .map(v -> InvalidField.atParameter(lastNode(v), v.getMessage()))
                .collect(Collectors.toCollection(ArrayList::new));
        return invalid(ex, ProblemDetail.forStatus(HttpStatus.BAD_REQUEST), errors, new HttpHeaders(),
                HttpStatus.BAD_REQUEST, request);
    }

    /** A multipart body that cannot be parsed (no boundary, truncated): the request's fault. Too large: Spring's 413. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> handleUnreadableMultipart(MultipartException ex, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The multipart request body could not be read");
        problem.setTitle("Unreadable request body");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    /** Anything no other handler answered: logged here, a 500 without internals for the client. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) throws Exception {
        if (isSecurityException(ex)) {
            // Spring Security's filters turn these into 401/403 answers; swallowing them here would make them 500s.
            throw ex;
        }
        SQLException sql = find(ex, SQLException.class);
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        if (state.startsWith("22")) {
            // a data exception: a value the database cannot store (too long for its column, out of range, a
            // character its encoding lacks) that validation let through; the request's fault, and nothing was stored
            log.warn("Refused a value the database cannot store answering {}: SQL state {}", request.getDescription(false), state);
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "A value in the request cannot be stored (too long, out of range or with a character that is not allowed)");
            problem.setTitle("Invalid request");
            return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
        }
        if (state.equals("23505")) {
            log.warn("Refused a duplicate answering {}", request.getDescription(false));
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "That already exists");
            return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
        }
        log.error("Unexpected error answering {}", request.getDescription(false), ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The server could not complete the request");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    private ResponseEntity<Object> invalid(Exception ex, ProblemDetail problem, List<InvalidField> errors,
                                           HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        errors.sort(BY_LOCATION);
        problem.setTitle("Invalid request");
        problem.setDetail(errors.isEmpty() ? "The request is invalid" : "The request is invalid: " + errors.stream()
                .map(e -> (e.pointer() != null ? e.pointer() : e.parameter()) + " " + e.detail())
                .collect(Collectors.joining("; ")));
        problem.setProperty(ERRORS, List.copyOf(errors));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    private static List<InvalidField> fromErrors(Errors errors, boolean body) {
        List<InvalidField> fields = new ArrayList<>();
        for (FieldError error : errors.getFieldErrors()) {
            fields.add(body ? InvalidField.atPointer(JsonPointers.fromPropertyPath(error.getField()), error.getDefaultMessage())
                    : InvalidField.atParameter(error.getField(), error.getDefaultMessage()));
        }
        for (ObjectError error : errors.getGlobalErrors()) {
            fields.add(body ? InvalidField.atPointer("", error.getDefaultMessage())
                    : InvalidField.atParameter(error.getObjectName(), error.getDefaultMessage()));
        }
        return fields;
    }

    /** Where a constraint on an element of a body list or map points: {@code /0}, {@code /key}; the body itself: "". */
    private static String containerPointer(ParameterValidationResult result) {
        if (result.getContainerIndex() != null) {
            return "/" + result.getContainerIndex();
        }
        if (result.getContainerKey() != null) {
            return JsonPointers.fromSegments(List.of(result.getContainerKey()));
        }
        return "";
    }

    private static String parameterName(MethodParameter parameter) {
        RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
        if (requestParam != null && !requestParam.name().isEmpty()) {
            return requestParam.name();
        }
        PathVariable pathVariable = parameter.getParameterAnnotation(PathVariable.class);
        if (pathVariable != null && !pathVariable.name().isEmpty()) {
            return pathVariable.name();
        }
        RequestHeader requestHeader = parameter.getParameterAnnotation(RequestHeader.class);
        if (requestHeader != null && !requestHeader.name().isEmpty()) {
            return requestHeader.name();
        }
        return parameter.getParameterName();
    }

    private static String lastNode(ConstraintViolation<?> violation) {
        String name = null;
        for (Path.Node node : violation.getPropertyPath()) {
            name = node.getName();
        }
        return name;
    }

    private static String where(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String expected(JacksonException exception) {
        if (!(exception instanceof MismatchedInputException mismatch) || mismatch.getTargetType() == null) {
            return "";
        }
        Class<?> type = mismatch.getTargetType();
        String expected;
        if (type == String.class || type == char.class || type == Character.class) {
            expected = "a string";
        } else if (type == boolean.class || type == Boolean.class) {
            expected = "true or false";
        } else if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            expected = "a number";
        } else if (type == UUID.class) {
            expected = "a UUID";
        } else if (type == Instant.class || type == OffsetDateTime.class) {
            expected = "an ISO-8601 timestamp";
        } else if (type == LocalDate.class) {
            expected = "a date (yyyy-mm-dd)";
        } else if (type.isEnum()) {
            expected = "one of the allowed values";
        } else if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            expected = "an array";
        } else if (Map.class.isAssignableFrom(type) || type.isRecord() || !type.getName().startsWith("java.")) {
            expected = "an object";
        } else {
            return "";
        }
        return " (expected " + expected + ")";
    }

    private static <T extends Throwable> T find(Throwable exception, Class<T> type) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static boolean isSecurityException(Throwable exception) {
        for (Class<?> type = exception.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().startsWith("org.springframework.security.")) {
                return true;
            }
        }
        return false;
    }
}
