package org.jobsearch.messaging.relay;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** UP while streaming or standing by (another instance streams); DOWN once stopped. */
public class RelayHealthIndicator implements HealthIndicator {

    private final OutboxRelay relay;

    public RelayHealthIndicator(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public Health health() {
        RelayState state = relay.state();
        Health.Builder builder = state == RelayState.STOPPED ? Health.down() : Health.up();
        return builder.withDetail("state", state)
                .withDetail("slot", relay.settings().slotName())
                .withDetail("published", relay.publishedCount())
                .build();
    }
}
