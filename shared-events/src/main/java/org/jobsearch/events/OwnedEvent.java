package org.jobsearch.events;

import java.util.UUID;

/** A user-scoped event: it acts on, and is visible to, the one user it names. */
public interface OwnedEvent extends IntegrationEvent {

    UUID ownerId();
}
