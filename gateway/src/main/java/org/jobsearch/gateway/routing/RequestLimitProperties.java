package org.jobsearch.gateway.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what a caller may send through the gateway, under {@code jobsearch.gateway}.
 *
 * @param maxBody the largest request body accepted (env {@code JOBSEARCH_GATEWAY_MAX_BODY}); anything larger is
 *                refused with 413 before it reaches a service. The services' own, smaller limits (the resume
 *                import, the tracker's CSV import) still apply below it.
 */
@ConfigurationProperties("jobsearch.gateway")
record RequestLimitProperties(@DefaultValue("4MB") DataSize maxBody) {

    RequestLimitProperties {
        if (maxBody == null || maxBody.toBytes() < 1024 || maxBody.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("jobsearch.gateway.max-body (env JOBSEARCH_GATEWAY_MAX_BODY) must be between 1KB and 2GB, was "
                    + maxBody);
        }
    }
}
