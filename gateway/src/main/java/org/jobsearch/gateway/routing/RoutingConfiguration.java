package org.jobsearch.gateway.routing;

import org.apache.hc.core5.util.TimeValue;
import org.jobsearch.identity.IdentityProperties;
import org.jobsearch.identity.IdentityTokenSigner;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.time.Clock;

/**
 * Routes themselves are configuration ({@code spring.cloud.gateway.server.webmvc.routes} in
 * application.yml); this makes the gateway's own filters nameable there.
 */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    /** As many as Tomcat's request threads (server.tomcat.threads.max, 200 by default). */
    static final int MAX_CONNECTIONS_PER_SERVICE = 200;
    private static final TimeValue VALIDATE_AFTER_IDLE = TimeValue.ofSeconds(2);
    private static final TimeValue CLOSE_AFTER_IDLE = TimeValue.ofSeconds(30);

    @Bean
    static RoutingFilterFunctions.FilterSupplier routingFilterSupplier() {
        return new RoutingFilterFunctions.FilterSupplier();
    }

    /**
     * The proxy's client (Apache HttpClient 5, {@code spring.http.clients.imperative.factory}): enough pooled
     * keep-alive connections per service for every request thread at once, so a forwarded request never waits
     * for or opens a connection in steady state (HttpClient's defaults: 5 per service, 25 in all). A proxy
     * passes answers through as they are: no cookie store shared between users, no decompression, and no
     * automatic retry (HttpClient would repeat a GET after a 503 with Retry-After, or after a dropped answer).
     * Without retries a connection the service closed while idle must not be used: one idle for
     * {@link #VALIDATE_AFTER_IDLE} is checked before use, and one idle for {@link #CLOSE_AFTER_IDLE} is closed
     * (services' Tomcat closes keep-alive connections after 60 s).
     */
    @Bean
    ClientHttpRequestFactoryBuilderCustomizer<HttpComponentsClientHttpRequestFactoryBuilder> proxyConnectionPool() {
        return builder -> builder
                .withConnectionManagerCustomizer(pool -> pool
                        .setMaxConnPerRoute(MAX_CONNECTIONS_PER_SERVICE)
                        .setMaxConnTotal(MAX_CONNECTIONS_PER_SERVICE * 4))
                .withConnectionConfigCustomizer(connection -> connection.setValidateAfterInactivity(VALIDATE_AFTER_IDLE))
                .withHttpClientCustomizer(client -> client
                        .disableCookieManagement()
                        .disableContentCompression()
                        .disableAutomaticRetries()
                        .evictIdleConnections(CLOSE_AFTER_IDLE));
    }

    @Bean
    IdentityTokenCache identityTokenCache(IdentityTokenSigner signer, IdentityProperties identity) {
        return new IdentityTokenCache(signer, identity.tokenTtl(), Clock.systemUTC());
    }

    /** Ahead of Spring Security's filter chain (order -100): an oversized body is refused before anything reads it. */
    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(RequestLimitProperties properties) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(new RequestBodyLimitFilter(properties));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return registration;
    }
}
