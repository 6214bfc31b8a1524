package org.jobsearch.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.ArrayList;
import java.util.List;

/**
 * Sign-in through an OpenID Connect provider, under {@code jobsearch.oidc}; off while {@code issuer-uri} is empty.
 * Checked in the constructor rather than with Bean Validation, whose failure report would print the client secret.
 *
 * @param issuerUri    the provider's issuer (env {@code JOBSEARCH_OIDC_ISSUER_URI}); its
 *                     {@code /.well-known/openid-configuration} is read on the first sign-in
 * @param clientId     this gateway's client id at the provider ({@code JOBSEARCH_OIDC_CLIENT_ID})
 * @param clientSecret its client secret ({@code JOBSEARCH_OIDC_CLIENT_SECRET}); never logged
 * @param scopes       requested scopes ({@code JOBSEARCH_OIDC_SCOPES}, comma-separated); {@code openid} is always added
 * @param usernameClaim the id token claim a new account's user name comes from ({@code JOBSEARCH_OIDC_USERNAME_CLAIM})
 * @param providerName what the login page's button says: "Sign in with …" ({@code JOBSEARCH_OIDC_PROVIDER_NAME})
 */
@ConfigurationProperties("jobsearch.oidc")
public record OidcProperties(String issuerUri, String clientId, String clientSecret,
                             @DefaultValue({"openid", "profile", "email"}) List<String> scopes,
                             @DefaultValue("preferred_username") String usernameClaim,
                             @DefaultValue("single sign-on") String providerName) {

    /** The registration id: the login link is {@code /oauth2/authorization/oidc}. */
    public static final String REGISTRATION_ID = "oidc";

    public OidcProperties {
        issuerUri = issuerUri == null ? "" : issuerUri.strip();
        List<String> requested = new ArrayList<>();
        requested.add("openid");
        if (scopes != null) {
            scopes.stream().map(String::strip).filter(s -> !s.isEmpty() && !requested.contains(s)).forEach(requested::add);
        }
        scopes = List.copyOf(requested);
        usernameClaim = usernameClaim == null || usernameClaim.isBlank() ? "preferred_username" : usernameClaim.strip();
        providerName = providerName == null || providerName.isBlank() ? "single sign-on" : providerName.strip();
        if (!issuerUri.isEmpty()) {
            if (!issuerUri.startsWith("https://") && !issuerUri.startsWith("http://")) {
                throw new IllegalArgumentException("jobsearch.oidc.issuer-uri (env JOBSEARCH_OIDC_ISSUER_URI) must be an "
                        + "http(s) URL, was " + issuerUri);
            }
            if (clientId == null || clientId.isBlank()) {
                throw new IllegalArgumentException("jobsearch.oidc.client-id (env JOBSEARCH_OIDC_CLIENT_ID) is required "
                        + "when jobsearch.oidc.issuer-uri is set");
            }
        }
    }

    public boolean enabled() {
        return !issuerUri.isEmpty();
    }

    @Override
    public String toString() {
        return "OidcProperties[issuerUri=" + issuerUri + ", clientId=" + clientId + ", clientSecret="
                + (clientSecret == null || clientSecret.isEmpty() ? "" : "******") + ", scopes=" + scopes
                + ", usernameClaim=" + usernameClaim + ", providerName=" + providerName + "]";
    }
}
