package org.jobsearch.gateway.routing;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.function.EntityResponse;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How a failed call to a service is answered, without a server. */
class RoutingFilterFunctionsTest {

    @Test
    void unreachableServiceIs503() throws Exception {
        ServerResponse response = failWith(new ConnectException("Connection refused"));

        assertThat(response.statusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(detail(response)).isEqualTo("The tracker service is not reachable; it may be starting or down.");
    }

    @Test
    void slowServiceIs504() throws Exception {
        ServerResponse response = failWith(new HttpTimeoutException("request timed out"));

        assertThat(response.statusCode()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(detail(response)).contains("did not answer in time");
    }

    @Test
    void serviceThatAcceptsNoConnectionInTimeIs503() throws Exception {
        ServerResponse response = failWith(new ConnectTimeoutException("Connect to http://localhost:8083 timed out"));

        assertThat(response.statusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void readTimeoutIs504() throws Exception {
        ServerResponse response = failWith(new SocketTimeoutException("Read timed out"));

        assertThat(response.statusCode()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(detail(response)).contains("did not answer in time");
    }

    @Test
    void brokenAnswerIs502() throws Exception {
        ServerResponse response = failWith(new IOException("HTTP/1.1 header parser received no bytes"));

        assertThat(response.statusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
    }

    private static ServerResponse failWith(IOException cause) throws Exception {
        MockHttpServletRequest servletRequest = new MockHttpServletRequest("GET", "/api/tracker/applications");
        servletRequest.setAttribute(MvcUtils.GATEWAY_ROUTE_ID_ATTR, "tracker");
        ServerRequest request = ServerRequest.create(servletRequest, List.of(new JacksonJsonHttpMessageConverter()));
        HandlerFunction<ServerResponse> failing = ignored -> {
            throw new ResourceAccessException("I/O error on GET request", cause);
        };
        return RoutingFilterFunctions.serviceFailureAsProblem().filter(request, failing);
    }

    @SuppressWarnings("unchecked")
    private static String detail(ServerResponse response) {
        return ((EntityResponse<ProblemDetail>) response).entity().getDetail();
    }
}
