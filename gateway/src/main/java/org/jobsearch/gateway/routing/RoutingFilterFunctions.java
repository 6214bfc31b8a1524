package org.jobsearch.gateway.routing;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.jobsearch.gateway.security.AnonymousRoutes;
import org.jobsearch.gateway.security.SignedInUser;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.cloud.gateway.server.mvc.common.Shortcut;
import org.springframework.cloud.gateway.server.mvc.filter.SimpleFilterSupplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpTimeoutException;

/**
 * The gateway's own filters for the routes declared in application.yml
 * ({@code filters: [RelayIdentity, ServiceFailureAsProblem]}). Spring Cloud Gateway's property
 * routes find public static methods by name through {@link FilterSupplier}.
 */
public final class RoutingFilterFunctions {

    /** Browser credentials that stay at the gateway. */
    private static final String[] GATEWAY_CREDENTIAL_HEADERS = {HttpHeaders.AUTHORIZATION, HttpHeaders.COOKIE,
            "X-XSRF-TOKEN"};

    private RoutingFilterFunctions() {
    }

    /**
     * Replaces whatever credentials arrived (Basic, a forged Bearer token, the session and CSRF
     * cookies) with the gateway's signed identity token for the authenticated user, so a service
     * sees exactly one identity and it is one the gateway vouches for.
     */
    @Shortcut
    public static HandlerFilterFunction<ServerResponse, ServerResponse> relayIdentity() {
        return (request, next) -> {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (AnonymousRoutes.matches(request.servletRequest())) {
                // a route open without signing in (a calendar feed): forwarded with no identity at all, whoever
                // asks, so the service's answer depends only on the secret in the URL
                return next.handle(withoutCredentials(request, null));
            }
            if (authentication == null || !(authentication.getPrincipal() instanceof SignedInUser user)) {
                // unreachable behind the security filter chain, which requires a signed-in user for /api/**
                return problem(request, HttpStatus.UNAUTHORIZED, "No signed-in user to forward this request for.");
            }
            IdentityTokenCache tokens = MvcUtils.getApplicationContext(request).getBean(IdentityTokenCache.class);
            String token = tokens.tokenFor(user.toCurrentUser());
            return next.handle(withoutCredentials(request, token));
        };
    }

    /** The request without the caller's credentials, carrying {@code token} when not null. */
    private static ServerRequest withoutCredentials(ServerRequest request, String token) {
        return ServerRequest.from(request)
                .headers(headers -> {
                    for (String header : GATEWAY_CREDENTIAL_HEADERS) {
                        headers.remove(header);
                    }
                    if (token != null) {
                        headers.setBearerAuth(token);
                    }
                })
                .build();
    }

    /**
     * A service that cannot be reached or does not answer becomes a Problem Details response the
     * UI can explain (503 not reachable: refused or no connection within the connect timeout; 504 too slow: no
     * answer within the read timeout; 502 broken answer) instead of a bare 500.
     */
    @Shortcut
    public static HandlerFilterFunction<ServerResponse, ServerResponse> serviceFailureAsProblem() {
        return (request, next) -> {
            try {
                return next.handle(request);
            } catch (ResourceAccessException failure) {
                String service = request.attribute(MvcUtils.GATEWAY_ROUTE_ID_ATTR).map(Object::toString).orElse("the");
                // before timeouts: HttpClient's connect timeout is a SocketTimeoutException too
                if (hasCause(failure, ConnectException.class) || hasCause(failure, ConnectTimeoutException.class)) {
                    return problem(request, HttpStatus.SERVICE_UNAVAILABLE,
                            "The " + service + " service is not reachable; it may be starting or down.");
                }
                if (hasCause(failure, HttpTimeoutException.class) || hasCause(failure, SocketTimeoutException.class)) {
                    return problem(request, HttpStatus.GATEWAY_TIMEOUT, "The " + service + " service did not answer in time.");
                }
                return problem(request, HttpStatus.BAD_GATEWAY, "The " + service + " service gave no valid answer.");
            }
        };
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static ServerResponse problem(ServerRequest request, HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.uri().getRawPath()));
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Registers these filters under their method names. */
    static final class FilterSupplier extends SimpleFilterSupplier {

        FilterSupplier() {
            super(RoutingFilterFunctions.class);
        }
    }
}
