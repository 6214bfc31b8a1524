package org.jobsearch.gateway.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jobsearch.gateway.account.Account;
import org.jobsearch.gateway.account.AccountService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

import java.io.IOException;
import java.io.Serial;

/**
 * Sign-in through the configured OpenID Connect provider ({@link OidcProperties}). Spring Security runs the
 * authorization-code flow (state, nonce, the id token's signature, issuer, audience and expiry); this class links the
 * provider's person to an account: the one linked to the id token's (issuer, subject) before, or a new USER account
 * ({@link AccountService#signInExternal}). A disabled account is refused. After sign-in the session holds the same
 * principal as a password sign-in ({@link SignedInUser}), so everything downstream treats both alike.
 */
final class OidcLogin implements OAuth2UserService<OidcUserRequest, OidcUser>, AuthenticationSuccessHandler {

    private static final Logger log = LoggerFactory.getLogger(OidcLogin.class);

    private final OidcProperties properties;
    private final AccountService accounts;
    private final OidcUserService delegate = new OidcUserService();
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    private final SavedRequestAwareAuthenticationSuccessHandler redirect = new SavedRequestAwareAuthenticationSuccessHandler();

    OidcLogin(OidcProperties properties, AccountService accounts) {
        this.properties = properties;
        this.accounts = accounts;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = delegate.loadUser(request);
        String issuer = user.getIdToken().getIssuer().toString();
        Account account = accounts.signInExternal(issuer, user.getSubject(), user.getClaimAsString(properties.usernameClaim()));
        if (!account.enabled()) {
            log.info("Refused the OIDC sign-in of disabled account {} ({} at {})", account.username(), user.getSubject(), issuer);
            throw new OAuth2AuthenticationException(new OAuth2Error("account_disabled", "This account is disabled", null));
        }
        return new LinkedOidcUser(user, new SignedInUser(account));
    }

    /** Puts the linked account in the session in place of the provider's user, then goes where the person was going. */
    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        if (!(authentication.getPrincipal() instanceof LinkedOidcUser linked)) {
            throw new IllegalStateException("OIDC sign-in without a linked account: " + authentication.getClass().getName());
        }
        SignedInUser user = linked.account;
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
        redirect.onAuthenticationSuccess(request, response, context.getAuthentication());
    }

    /** The provider's client registration, read from its discovery document on first use (the provider may start later). */
    static ClientRegistrationRepository registrations(OidcProperties properties) {
        return new ClientRegistrationRepository() {
            private volatile ClientRegistration registration;

            @Override
            public ClientRegistration findByRegistrationId(String registrationId) {
                if (!OidcProperties.REGISTRATION_ID.equals(registrationId)) {
                    return null;
                }
                ClientRegistration known = registration;
                if (known == null) {
                    known = ClientRegistrations.fromIssuerLocation(properties.issuerUri())
                            .registrationId(OidcProperties.REGISTRATION_ID)
                            .clientId(properties.clientId())
                            .clientSecret(properties.clientSecret() == null ? "" : properties.clientSecret())
                            .scope(properties.scopes())
                            // the subject always exists; the user name claim is read when the account is made
                            .userNameAttributeName("sub")
                            .clientName(properties.providerName())
                            .build();
                    registration = known;
                }
                return known;
            }
        };
    }

    /** The provider's user, with the account it was linked to. */
    static final class LinkedOidcUser extends DefaultOidcUser {

        @Serial
        private static final long serialVersionUID = 1L;

        private final SignedInUser account;

        LinkedOidcUser(OidcUser user, SignedInUser account) {
            super(account.getAuthorities(), user.getIdToken(), user.getUserInfo(), "sub");
            this.account = account;
        }
    }
}
