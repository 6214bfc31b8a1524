package org.jobsearch.gateway.security.web;

import org.jobsearch.gateway.security.OidcProperties;
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

    private final OidcProperties oidc;

    SessionController(OidcProperties oidc) {
        this.oidc = oidc;
    }

    /** How one may sign in besides the password form: the login page shows "Sign in with …" when a provider is set. */
    @GetMapping("/login/options")
    LoginOptions loginOptions() {
        return new LoginOptions(oidc.enabled()
                ? new ProviderLink(oidc.providerName(), "/oauth2/authorization/" + OidcProperties.REGISTRATION_ID) : null);
    }

    record LoginOptions(ProviderLink oidc) {
    }

    record ProviderLink(String name, String url) {
    }

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
