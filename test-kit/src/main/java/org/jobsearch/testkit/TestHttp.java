package org.jobsearch.testkit;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The HTTP client the services' tests call their running server with.
 *
 * <p>It is the JDK's client, chosen explicitly. Left to detect one, {@code RestTestClient} picks Jetty's client,
 * which Debezium's Kafka Connect runtime puts on every service's classpath. That client fails a request whose
 * body the server rejects before reading it (a 401 or 413 answered early) with "Self-suppression not permitted"
 * instead of returning the response (jetty/jetty.project#12029).
 */
public final class TestHttp {

    private TestHttp() {
    }

    /** A client for the server listening on {@code localhost:port}. */
    public static RestTestClient client(int port) {
        return RestTestClient.bindToServer(new JdkClientHttpRequestFactory())
                .baseUrl("http://localhost:" + port)
                .build();
    }
}
