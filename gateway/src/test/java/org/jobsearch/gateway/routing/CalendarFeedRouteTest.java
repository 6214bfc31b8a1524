package org.jobsearch.gateway.routing;

import org.jobsearch.gateway.DownstreamStub.ReceivedRequest;
import org.jobsearch.gateway.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The tracker's calendar feed: open without signing in, forwarded with no identity (the URL's secret is the key). */
class CalendarFeedRouteTest extends GatewayIntegrationTest {

    @Test
    void feedIsForwardedAnonymouslyWithoutAnyIdentity() {
        HttpResponse<String> response = anonymous().get("/api/tracker/calendar/s3cr3t-value.ics");

        assertThat(response.statusCode()).isEqualTo(200);
        ReceivedRequest received = downstream.takeRequest();
        assertThat(received.method()).isEqualTo("GET");
        assertThat(received.path()).isEqualTo("/api/tracker/calendar/s3cr3t-value.ics");
        assertThat(received.header("Authorization")).isNull();
        assertThat(received.header("Cookie")).isNull();
    }

    @Test
    void credentialsSentWithTheFeedRequestStayAtTheGateway() {
        script(newUser(), USER_PASSWORD).get("/api/tracker/calendar/s3cr3t-value.ics");

        ReceivedRequest received = downstream.takeRequest();
        assertThat(received.header("Authorization")).isNull();
    }

    @Test
    void everythingElseStillNeedsASignedInUser() {
        assertThat(anonymous().get("/api/tracker/calendar/feed-url").statusCode()).isEqualTo(401);
        assertThat(anonymous().get("/api/tracker/applications").statusCode()).isEqualTo(401);
        assertThat(anonymous().get("/api/tracker/calendar/secret.txt").statusCode()).isEqualTo(401);
        assertThat(downstream.receivedNothing()).isTrue();
    }
}
