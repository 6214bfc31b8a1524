package org.jobsearch.resume.listing;

import org.jobsearch.events.JobListingDiscovered;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

/** The postings discovery announced: the latest event per listing wins. */
@Service
public class ListingService {

    private final JdbcClient jdbc;

    ListingService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the posting unless a newer event for it was already kept (events of one listing may be redelivered). */
    public void keep(JobListingDiscovered event) {
        // discovery sanitized it already; cleaning again costs little and keeps scripts out whatever the producer did
        String description = event.descriptionHtml() == null ? null
                : Jsoup.clean(event.descriptionHtml(), Safelist.relaxed());
        jdbc.sql("""
                        insert into listing (listing_id, company, title, location, url, description_html, occurred_at)
                        values (:id, :company, :title, :location, :url, :description, :occurredAt)
                        on conflict (listing_id) do update set company = excluded.company, title = excluded.title,
                            location = excluded.location, url = excluded.url,
                            description_html = excluded.description_html, occurred_at = excluded.occurred_at,
                            updated_at = now()
                        where listing.occurred_at <= excluded.occurred_at""")
                .param("id", event.listingId()).param("company", event.company()).param("title", event.title())
                .param("location", event.location()).param("url", event.url()).param("description", description)
                .param("occurredAt", Timestamp.from(event.occurredAt()))
                .update();
    }

    public Optional<Listing> find(UUID listingId) {
        return jdbc.sql("""
                        select listing_id, company, title, location, url, description_html from listing
                        where listing_id = :id""")
                .param("id", listingId)
                .query((rs, n) -> new Listing(rs.getObject("listing_id", UUID.class), rs.getString("company"),
                        rs.getString("title"), rs.getString("location"), rs.getString("url"),
                        rs.getString("description_html")))
                .optional();
    }
}
