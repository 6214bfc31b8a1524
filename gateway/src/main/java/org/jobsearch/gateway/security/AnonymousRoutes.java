package org.jobsearch.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Service endpoints reached without signing in, because their callers cannot (a calendar app subscribing to a feed):
 * each authenticates the caller itself, by a secret in the URL. The gateway lets them through and forwards them
 * without an identity token; the service lists the same paths in {@code jobsearch.identity.public-paths}.
 */
public final class AnonymousRoutes {

    /** The tracker's iCalendar feed of upcoming interviews. */
    static final RequestMatcher CALENDAR_FEED =
            PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/api/tracker/calendar/*.ics");

    private AnonymousRoutes() {
    }

    public static boolean matches(HttpServletRequest request) {
        return CALENDAR_FEED.matches(request);
    }
}
