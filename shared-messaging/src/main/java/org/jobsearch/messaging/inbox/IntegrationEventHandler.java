package org.jobsearch.messaging.inbox;

import org.jobsearch.events.EventType;
import org.jobsearch.events.IntegrationEvent;

/** An {@link EventHandler} for a platform event: topic and type name come from its {@link EventType}. */
public abstract class IntegrationEventHandler<E extends IntegrationEvent> implements EventHandler<E> {

    private final Class<E> payloadType;
    private final EventType type;

    protected IntegrationEventHandler(Class<E> payloadType) {
        this.payloadType = payloadType;
        this.type = EventType.of(payloadType);
    }

    @Override
    public String topic() {
        return type.topic();
    }

    @Override
    public String eventType() {
        return type.typeName();
    }

    @Override
    public Class<E> payloadType() {
        return payloadType;
    }
}
