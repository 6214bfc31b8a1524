package org.jobsearch.discovery.ats;

import org.jobsearch.events.AtsPlatform;
import org.junit.jupiter.api.AfterEach;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A platform client test: the platform's API host replaced by a local fake, no pause, a recording sleeper. */
abstract class FakePlatformTest {

    final FakeAtsServer server = new FakeAtsServer();
    final RecordingSleeper sleeper = new RecordingSleeper();
    final HostScheduler scheduler;
    final AtsService ats;

    FakePlatformTest(AtsPlatform platform) {
        AtsProperties properties = TestAts.properties(platform, server.base());
        scheduler = TestAts.scheduler(properties, sleeper);
        ats = TestAts.service(properties, scheduler, sleeper);
    }

    @AfterEach
    void closeFakes() {
        scheduler.close();
        server.close();
    }

    static Map<String, Posting> byId(List<Posting> postings) {
        return postings.stream().collect(Collectors.toMap(Posting::externalId, Function.identity()));
    }

    /** What no sanitized description may contain. */
    static final List<String> HOSTILE = List.of("<script", "onerror", "onclick", "onmouseover", "onload",
            "javascript:", "<img", "<style", "<iframe", "evil.example");
}
