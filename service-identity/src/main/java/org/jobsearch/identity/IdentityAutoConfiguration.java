package org.jobsearch.identity;

import org.jobsearch.identity.service.ServiceSecurityConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The identity token for every application of the platform. In {@code service} mode (the
 * default) a servlet application becomes a resource server that accepts only the gateway's
 * token; in {@code gateway} mode it gets an {@link IdentityTokenSigner} and keeps its own security.
 * Runs before Boot's security auto-configuration, so Boot's defaults (a generated user, form
 * login) back off.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"})
@EnableConfigurationProperties(IdentityProperties.class)
public class IdentityAutoConfiguration {

    static final String MODE_PROPERTY = "jobsearch.identity.mode";

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = MODE_PROPERTY, havingValue = IdentityProperties.SERVICE_MODE, matchIfMissing = true)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @Import(ServiceSecurityConfiguration.class)
    static class ServiceMode {
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = MODE_PROPERTY, havingValue = IdentityProperties.GATEWAY_MODE)
    static class GatewayMode {

        @Bean
        @ConditionalOnMissingBean
        IdentityTokenSigner identityTokenSigner(IdentityProperties properties) {
            return new IdentityTokenSigner(properties);
        }
    }
}
