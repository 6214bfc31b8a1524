package org.jobsearch.discovery.listing.messaging;

import org.jobsearch.discovery.listing.ListingService;
import org.jobsearch.events.ApplicationStatusChanged;
import org.jobsearch.messaging.inbox.EventEnvelope;
import org.jobsearch.messaging.inbox.IntegrationEventHandler;
import org.springframework.stereotype.Component;

/** tracker's {@code ApplicationStatusChanged}: the owner's matching listing becomes {@code applied}. */
@Component
class ApplicationRecordedHandler extends IntegrationEventHandler<ApplicationStatusChanged> {

    private final ListingService listings;

    ApplicationRecordedHandler(ListingService listings) {
        super(ApplicationStatusChanged.class);
        this.listings = listings;
    }

    @Override
    public void handle(ApplicationStatusChanged event, EventEnvelope envelope) {
        listings.applicationRecorded(event.ownerId(), event.job().company(), event.job().externalJobId(),
                event.job().sourceListingId());
    }

    /** The inbox remembers processed events under this name: it must not change when the class moves. */
    @Override
    public String name() {
        return "discovery.listings-applied";
    }
}
