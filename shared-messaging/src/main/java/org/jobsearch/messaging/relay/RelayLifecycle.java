package org.jobsearch.messaging.relay;

import org.springframework.context.SmartLifecycle;

/**
 * Starts the relay once the context (and so the messaging migration) is ready, and closes it
 * gracefully, offsets committed, before the context shuts its data source.
 */
public class RelayLifecycle implements SmartLifecycle {

    private final OutboxRelay relay;

    public RelayLifecycle(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public void start() {
        relay.start();
    }

    @Override
    public void stop() {
        relay.close();
    }

    @Override
    public boolean isRunning() {
        return relay.isRunning();
    }
}
