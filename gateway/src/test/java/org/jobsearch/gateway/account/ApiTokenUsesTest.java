package org.jobsearch.gateway.account;

import org.jobsearch.gateway.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A token's last use is written at most once a minute, the latest use winning, and nothing waiting is lost at shutdown. */
class ApiTokenUsesTest {

    private record Write(UUID tokenId, Instant usedAt) {
    }

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T08:00:00Z"));
    private final List<Write> writes = new ArrayList<>();
    private final ApiTokenUses uses = new ApiTokenUses((id, at) -> writes.add(new Write(id, at)), clock);
    private final UUID token = UUID.randomUUID();

    @Test
    void aBusyTokenIsWrittenOnceAMinuteWithItsLatestUse() {
        Instant first = clock.instant();
        uses.record(token);
        assertThat(uses.pendingUse(token)).hasValue(first);
        assertThat(uses.flush(false)).isEqualTo(1);
        assertThat(writes).containsExactly(new Write(token, first));
        assertThat(uses.pendingUse(token)).isEmpty();

        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(5));
            uses.record(token);
            uses.flush(false);
        }
        assertThat(writes).hasSize(1);

        clock.advance(Duration.ofSeconds(10));
        Instant latest = clock.instant();
        uses.record(token);
        uses.flush(false);
        assertThat(writes).containsExactly(new Write(token, first), new Write(token, latest));
    }

    @Test
    void shutdownWritesWhatIsStillWaiting() {
        uses.record(token);
        uses.flush(false);
        clock.advance(Duration.ofSeconds(1));
        uses.record(token);

        uses.flush(true);

        assertThat(writes).extracting(Write::usedAt).containsExactly(clock.instant().minusSeconds(1), clock.instant());
    }

    @Test
    void aFailedWriteIsRetried() {
        List<Instant> written = new ArrayList<>();
        boolean[] down = {true};
        ApiTokenUses flaky = new ApiTokenUses((id, at) -> {
            if (down[0]) {
                throw new IllegalStateException("database unavailable");
            }
            written.add(at);
        }, clock);
        flaky.record(token);

        assertThat(flaky.flush(false)).isZero();
        down[0] = false;
        assertThat(flaky.flush(false)).isEqualTo(1);
        assertThat(written).containsExactly(clock.instant());
    }
}
