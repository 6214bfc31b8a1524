package org.jobsearch.tracker.calendar.web;

import io.swagger.v3.oas.annotations.Parameter;
import org.jobsearch.identity.CurrentUser;
import org.jobsearch.rest.ResourceNotFoundException;
import org.jobsearch.tracker.calendar.CalendarFeedService;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/**
 * The upcoming-interviews calendar feed. Making the URL needs the user's token; reading the feed needs only the
 * secret in it ({@code jobsearch.identity.public-paths}), since calendar apps cannot sign in.
 */
@RestController
class CalendarController {

    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);

    private final CalendarFeedService feeds;

    CalendarController(CalendarFeedService feeds) {
        this.feeds = feeds;
    }

    record FeedUrl(String path) {
    }

    /** Creates the caller's feed URL, or replaces it: the previous URL stops working. Shown only now. */
    @PostMapping("/api/tracker/calendar/feed-url")
    FeedUrl rotate(@Parameter(hidden = true) CurrentUser user) {
        return new FeedUrl(feeds.rotate(user.id()));
    }

    /** The feed (RFC 5545): a VEVENT per upcoming interview that stands; 404 for an unknown secret. */
    @GetMapping(value = "/api/tracker/calendar/{secret}.ics")
    ResponseEntity<String> feed(@PathVariable String secret) {
        // the secret is never logged: the not-found answer does not repeat it
        String body = feeds.feed(secret, Instant.now())
                .orElseThrow(() -> new ResourceNotFoundException("calendar feed", "in this URL"));
        return ResponseEntity.ok().contentType(TEXT_CALENDAR).cacheControl(CacheControl.noStore()).body(body);
    }
}
