package org.jobsearch.resume.listing.messaging;

import org.jobsearch.events.JobListingDiscovered;
import org.jobsearch.messaging.inbox.EventEnvelope;
import org.jobsearch.messaging.inbox.IntegrationEventHandler;
import org.jobsearch.resume.listing.ListingService;
import org.springframework.stereotype.Component;

/** discovery's {@code JobListingDiscovered} (topic {@code joblisting.events}) → the kept posting. */
@Component
class JobListingDiscoveredHandler extends IntegrationEventHandler<JobListingDiscovered> {

    private final ListingService listings;

    JobListingDiscoveredHandler(ListingService listings) {
        super(JobListingDiscovered.class);
        this.listings = listings;
    }

    @Override
    public void handle(JobListingDiscovered event, EventEnvelope envelope) {
        listings.keep(event);
    }

    /** The inbox remembers processed events under this name: it must not change when the class moves. */
    @Override
    public String name() {
        return "resume.listings";
    }
}
