package org.jobsearch.gateway.routing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
}
