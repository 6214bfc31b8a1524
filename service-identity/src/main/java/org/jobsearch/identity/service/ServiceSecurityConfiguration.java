package org.jobsearch.identity.service;

import jakarta.servlet.DispatcherType;
import org.jobsearch.identity.CurrentUser;
import org.jobsearch.identity.IdentityProperties;
import org.jobsearch.identity.IdentityTokenVerifier;
import org.jobsearch.identity.web.ProblemDetailsAccessDeniedHandler;
import org.jobsearch.identity.web.ProblemDetailsAuthenticationEntryPoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * A service is an OAuth2 resource server that trusts only the gateway's identity token:
 * stateless, no CSRF (no cookies, so nothing a browser could send on its own), 401/403 as
 * Problem Details.
 */
@Configuration(proxyBeanMethods = false)
public class ServiceSecurityConfiguration {

    /** Open without a token: probes, and the OpenAPI document the gateway and tools read. */
    static final String[] OPEN_PATHS = {"/actuator/health", "/actuator/health/**", "/actuator/info", "/v3/api-docs",
            "/v3/api-docs/**"};

    /** Administration: each service's admin API and the remaining actuator endpoints. */
    static final String[] ADMIN_PATHS = {"/api/*/admin/**", "/actuator/**"};

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder identityJwtDecoder(IdentityProperties properties) {
        return new IdentityTokenVerifier(properties).decoder();
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain identitySecurityFilterChain(HttpSecurity http, JwtDecoder decoder,
                                                    IdentityProperties properties) throws Exception {
        String[] publicPaths = properties.publicPaths().toArray(String[]::new);
        ProblemDetailsAuthenticationEntryPoint unauthorized = new ProblemDetailsAuthenticationEntryPoint(
                new BearerTokenAuthenticationEntryPoint(),
                "This request needs a valid identity token (Authorization: Bearer ...); send it through the gateway.");
        ProblemDetailsAccessDeniedHandler forbidden = new ProblemDetailsAccessDeniedHandler();
        http
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        // error pages render the outcome of a request that was already authorized
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(OPEN_PATHS).permitAll()
                        .requestMatchers(ADMIN_PATHS).hasRole(CurrentUser.ADMIN)
                        // jobsearch.identity.public-paths: endpoints that authenticate their caller themselves
                        .requestMatchers(publicPaths).permitAll()
                        .anyRequest().hasAnyRole(CurrentUser.USER, CurrentUser.ADMIN))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(rolesAsAuthorities()))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden));
        return http.build();
    }

    @Bean
    WebMvcConfigurer currentUserArgumentResolverConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CurrentUserArgumentResolver());
            }
        };
    }

    /** {@code roles: ["ADMIN"]} becomes the authority {@code ROLE_ADMIN}, which {@code hasRole} checks. */
    private static JwtAuthenticationConverter rolesAsAuthorities() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName("roles");
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        converter.setPrincipalClaimName("name");
        return converter;
    }
}
