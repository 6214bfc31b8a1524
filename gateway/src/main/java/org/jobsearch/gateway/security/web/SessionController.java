package org.jobsearch.gateway.security.web;

import org.jobsearch.gateway.security.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** What the UI asks the gateway itself (everything else under /api/** goes to a service). */
@RestController
class SessionController {

    /** The signed-in user, for the UI's header. */
    @GetMapping("/api/me")
    Me me(@AuthenticationPrincipal SignedInUser user) {
        return new Me(user.id(), user.getUsername(), user.roles().stream().sorted().toList());
    }

    /**
     * The CSRF token for a classic form POST (the login form), masked per request as Spring
     * Security expects it in a form field. Scripts on the page send the cookie's value in the
     * header instead. Other origins cannot read this response (no CORS).
     */
    @GetMapping("/csrf")
    CsrfTokenResponse csrf(CsrfToken token) {
        return new CsrfTokenResponse(token.getHeaderName(), token.getParameterName(), token.getToken());
    }

    record Me(UUID id, String username, List<String> roles) {
    }

    record CsrfTokenResponse(String headerName, String parameterName, String token) {
    }
}
