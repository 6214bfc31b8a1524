package org.jobsearch.gateway.routing;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Routes themselves are configuration ({@code spring.cloud.gateway.server.webmvc.routes} in
 * application.yml); this makes the gateway's own filters nameable there.
 */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    @Bean
    static RoutingFilterFunctions.FilterSupplier routingFilterSupplier() {
        return new RoutingFilterFunctions.FilterSupplier();
    }

    /** Ahead of Spring Security's filter chain (order -100): an oversized body is refused before anything reads it. */
    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(RequestLimitProperties properties) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(new RequestBodyLimitFilter(properties));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return registration;
    }
}
