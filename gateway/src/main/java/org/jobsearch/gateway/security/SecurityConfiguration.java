package org.jobsearch.gateway.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.jobsearch.gateway.account.AccountService;
import org.jobsearch.gateway.account.ApiTokenService;
import org.jobsearch.identity.CurrentUser;
import org.jobsearch.identity.web.ProblemDetailsAccessDeniedHandler;
import org.jobsearch.identity.web.ProblemDetailsAuthenticationEntryPoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import static org.springframework.security.web.util.matcher.RequestMatchers.allOf;
import static org.springframework.security.web.util.matcher.RequestMatchers.anyOf;
import static org.springframework.security.web.util.matcher.RequestMatchers.not;

/**
 * Who may call the gateway. Browsers: form login, a session cookie, and CSRF protection with the
 * token in a JS-readable cookie (the SPA sends it back in {@code X-XSRF-TOKEN}). Scripts: HTTP
 * Basic or a personal API token ({@code Bearer jst_...}, in a stateless filter chain of its own) on
 * each request, no session. Too many wrong passwords lock a name/address pair for a while ({@link LoginAttemptGuard}). Unauthenticated page requests are redirected to the login
 * page; unauthenticated {@code /api/**} requests get 401 Problem Details.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String LOGIN_PAGE = "/login";

    /**
     * The UI loads everything from the gateway itself (ES modules, webjars) and never inlines
     * scripts or styles, so nothing else is allowed: an injected script or a foreign resource in a
     * job description would not run or load.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
            // the resume page previews a PDF it fetched, from a blob: URL in a frame
            + "frame-src 'self' blob:; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /** What the login page needs before anyone is signed in. */
    private static final String[] PUBLIC_PATHS = {LOGIN_PAGE, "/csrf", "/assets/**", "/webjars/**", "/favicon.ico",
            "/actuator/health", "/actuator/health/**", "/actuator/info", "/invite", "/api/invitations/accept", "/login/options"};

    private static final RequestMatcher API = PathPatternRequestMatcher.pathPattern("/api/**");
    private static final RequestMatcher ACTUATOR = PathPatternRequestMatcher.pathPattern("/actuator/**");

    /**
     * Requests carrying a personal API token ({@code Bearer jst_...}): the same rules and headers, but
     * stateless: the token authenticates this request alone, so nothing reads or creates a session, no
     * CSRF token is generated (a fresh random token and an {@code XSRF-TOKEN} cookie on every call, for
     * a client that never sends it back) and no request is remembered for after a sign-in.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiTokenSecurityFilterChain(HttpSecurity http, ApiTokenService apiTokens) throws Exception {
        ProblemDetailsAuthenticationEntryPoint apiUnauthorized = apiUnauthorized();
        http
                .securityMatcher(ApiTokenAuthenticationFilter::carriesApiToken)
                .authorizeHttpRequests(SecurityConfiguration::rules)
                .headers(SecurityConfiguration::headers)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .csrf(csrf -> csrf.disable())
                .logout(logout -> logout.disable())
                .addFilterBefore(new ApiTokenAuthenticationFilter(apiTokens, apiUnauthorized), BasicAuthenticationFilter.class)
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint(anyOf(API, ACTUATOR), apiUnauthorized))
                        .accessDeniedHandler(new ProblemDetailsAccessDeniedHandler()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain gatewaySecurityFilterChain(HttpSecurity http, OidcProperties oidc, AccountService accounts) throws Exception {
        ProblemDetailsAuthenticationEntryPoint apiUnauthorized = apiUnauthorized();

        http
                .authorizeHttpRequests(SecurityConfiguration::rules)
                .headers(SecurityConfiguration::headers)
                .formLogin(form -> form.loginPage(LOGIN_PAGE))
                .httpBasic(basic -> basic.authenticationEntryPoint(apiUnauthorized))
                .logout(logout -> logout.logoutSuccessUrl(LOGIN_PAGE + "?logout").deleteCookies("JSESSIONID"))
                .csrf(csrf -> csrf.spa().ignoringRequestMatchers(SecurityConfiguration::isScriptWithBasicCredentials))
                .requestCache(cache -> cache.requestCache(pageRequestCache(API, ACTUATOR)))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint(anyOf(API, ACTUATOR), apiUnauthorized))
                        .accessDeniedHandler(new ProblemDetailsAccessDeniedHandler()));
        if (oidc.enabled()) {
            // /oauth2/authorization/oidc starts the flow, /login/oauth2/code/oidc ends it; both run before authorization
            OidcLogin login = new OidcLogin(oidc, accounts);
            http.oauth2Login(oauth -> oauth
                    .loginPage(LOGIN_PAGE)
                    .clientRegistrationRepository(OidcLogin.registrations(oidc))
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(login))
                    .successHandler(login)
                    .failureUrl(LOGIN_PAGE + "?error"));
        }
        return http.build();
    }

    /** Who may do what: one set of rules for both filter chains. */
    private static void rules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests
                // forwards (deep links to the UI shell) and error pages belong to a request already authorized
                .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                .requestMatchers(PUBLIC_PATHS).permitAll()
                // calendar apps cannot sign in: the feed URL's secret is checked by the tracker
                .requestMatchers(AnonymousRoutes.CALENDAR_FEED).permitAll()
                .requestMatchers("/actuator/**", "/api/accounts", "/api/accounts/**").hasRole(CurrentUser.ADMIN)
                .anyRequest().hasAnyRole(CurrentUser.USER, CurrentUser.ADMIN);
    }

    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()"));
    }

    private static ProblemDetailsAuthenticationEntryPoint apiUnauthorized() {
        return new ProblemDetailsAuthenticationEntryPoint(null, "Sign in first, or send HTTP Basic credentials (curl -u user:password).");
    }

    /**
     * CSRF protects credentials the browser attaches on its own (the session cookie). A request
     * that carries Basic credentials itself is a script's, so it needs no token, provided no
     * browser can be made to attach Basic credentials automatically: the gateway never sends a
     * Basic challenge (so browsers never prompt for and cache them), has no CORS (so no other
     * origin's script may set the header), and a request with browser fetch metadata from
     * another site is not exempt either.
     */
    static boolean isScriptWithBasicCredentials(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        return fetchSite == null || "same-origin".equals(fetchSite);
    }

    /** Unauthenticated API and actuator calls get 401 Problem Details; pages go to the login page. */
    private static AuthenticationEntryPoint entryPoint(RequestMatcher apiOrActuator, AuthenticationEntryPoint apiUnauthorized) {
        return DelegatingAuthenticationEntryPoint.builder()
                .addEntryPointFor(apiUnauthorized, apiOrActuator)
                .defaultEntryPoint(new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE))
                .build();
    }

    /**
     * Only page navigations are remembered for after sign-in: an API call that fails with 401
     * must not create a session or become the post-login destination.
     */
    private static HttpSessionRequestCache pageRequestCache(RequestMatcher api, RequestMatcher actuator) {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(allOf(PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/**"), not(api), not(actuator)));
        return cache;
    }
}
