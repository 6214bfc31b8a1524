package org.jobsearch.discovery.listing;

import org.jobsearch.discovery.appliedjob.AppliedJobService;
import org.jobsearch.discovery.ats.Compensation;
import org.jobsearch.discovery.ats.Posting;
import org.jobsearch.discovery.company.FollowedCompany;
import org.jobsearch.discovery.searchconfig.SearchConfigView;
import org.jobsearch.events.JobListingDiscovered;
import org.jobsearch.events.WorkSetting;
import org.jobsearch.messaging.outbox.OutboxWriter;
import org.jobsearch.rest.ResourceNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Listings: shared postings, fetched once however many users follow the company, and each user's review of them.
 * A re-sync updates a listing and adds matched terms, never overwrites a user's status; new listings (and listings
 * whose content changed) are published as {@code JobListingDiscovered} in the transaction that stores them.
 */
@Service
@Transactional(readOnly = true)
public class ListingService {

    private static final Logger log = LoggerFactory.getLogger(ListingService.class);
    private static final int NAME_LIMIT = 255;
    private static final int DOCUMENT_LIMIT = 200_000;
    private static final int URL_LIMIT = 2048;

    private final ListingRepository listings;
    private final AppliedJobService appliedJobs;
    private final OutboxWriter outbox;
    private final Clock clock = Clock.systemUTC();

    ListingService(ListingRepository listings, AppliedJobService appliedJobs, OutboxWriter outbox) {
        this.listings = listings;
        this.appliedJobs = appliedJobs;
        this.outbox = outbox;
    }

    /**
     * Stores one page of a company's fetch in one transaction: the postings that match at least one follower's
     * search configs become (or refresh) listings seen in {@code scope}, and each matching follower gets a review
     * remembering every term that matched; a follower's tracked application makes it {@code applied}.
     */
    @Transactional
    public IngestResult ingest(FollowedCompany company, String scope, List<Posting> postings,
                               Map<UUID, List<SearchConfigView>> configsByOwner) {
        Instant now = clock.instant();
        List<Matched> matched = new ArrayList<>();
        for (Posting posting : postings) {
            Map<UUID, List<String>> matches = matches(company, posting, configsByOwner);
            if (!matches.isEmpty()) {
                matched.add(new Matched(posting, matches));
            }
        }
        if (matched.isEmpty()) {
            return IngestResult.NONE;
        }
        if (!storableAsSet(matched)) {
            IngestResult result = IngestResult.NONE;
            for (Matched m : matched) {
                result = result.plus(store(company, scope, m.posting(), m.matches(), now));
            }
            return result;
        }
        return storePage(company, scope, matched, now);
    }

    private record Matched(Posting posting, Map<UUID, List<String>> matches) {
    }

    /**
     * A page is stored set-based when its postings are of one platform with distinct external ids (every fetch's
     * page is): then no posting of the page can be another's existing listing or merge candidate, and storing them
     * together does exactly what storing them one by one does. Anything else takes the one-by-one path.
     */
    private static boolean storableAsSet(List<Matched> matched) {
        var platform = matched.get(0).posting().platform();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Matched m : matched) {
            if (m.posting().platform() != platform || m.posting().externalId() == null
                    || !ids.add(m.posting().externalId())) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #store} for a whole page in a fixed number of statements (reads of the existing listings, merge
     * candidates and applications; batched listing writes; one scope upsert; one review upsert) instead of ~7 per
     * posting: the sync's CPU cost per posting was dominated by statement round trips.
     */
    private IngestResult storePage(FollowedCompany company, String scope, List<Matched> matched, Instant now) {
        String platform = matched.get(0).posting().platform().name().toLowerCase(Locale.ROOT);
        List<String> externalIds = matched.stream().map(m -> m.posting().externalId()).toList();
        Map<String, ListingRepository.Existing> existing = listings.findAll(company.id(), platform, externalIds);
        String[] dedupeKeys = new String[matched.size()];
        List<String> newKeys = new ArrayList<>();
        for (int i = 0; i < matched.size(); i++) {
            Posting posting = matched.get(i).posting();
            dedupeKeys[i] = SamePosting.dedupeKey(posting.title(), posting.location());
            if (!existing.containsKey(posting.externalId())) {
                newKeys.add(dedupeKeys[i]);
            }
        }
        Map<String, List<ListingRepository.Candidate>> candidates =
                listings.canonicalCandidates(company.id(), newKeys.stream().distinct().toList(), platform);

        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<UUID> touched = new ArrayList<>();
        List<UUID> seen = new ArrayList<>();
        List<Posting> announced = new ArrayList<>();
        List<UUID> announcedIds = new ArrayList<>();
        UUID[] listingIds = new UUID[matched.size()];
        UUID[] canonicalIds = new UUID[matched.size()];
        int created = 0;
        for (int i = 0; i < matched.size(); i++) {
            Posting posting = matched.get(i).posting();
            String dedupeKey = dedupeKeys[i];
            String hash = contentHash(posting);
            ListingRepository.Existing found = existing.get(posting.externalId());
            if (found == null) {
                listingIds[i] = UUID.randomUUID();
                canonicalIds[i] = candidates.getOrDefault(dedupeKey, List.of()).stream()
                        .filter(c -> SamePosting.nearIdentical(c.descriptionHtml(), posting.descriptionHtml()))
                        .map(ListingRepository.Candidate::id)
                        .findFirst().orElse(null);
                inserts.add(ListingRepository.insertParams(listingIds[i], company.id(), posting, dedupeKey,
                        canonicalIds[i], hash, now));
                announced.add(posting);
                announcedIds.add(listingIds[i]);
                created++;
            } else {
                listingIds[i] = found.id();
                canonicalIds[i] = found.canonicalId();
                if (found.contentHash().equals(hash)) {
                    touched.add(found.id());
                } else {
                    updates.add(ListingRepository.updateParams(found.id(), posting, dedupeKey, hash, now));
                    announced.add(posting);
                    announcedIds.add(found.id());
                }
            }
            seen.add(listingIds[i]);
        }
        listings.insertAll(inserts);
        listings.updateAll(updates);
        listings.touchAll(touched, now);
        listings.seenAll(seen, scope, now);
        List<JobListingDiscovered> events = new ArrayList<>();
        for (int i = 0; i < announced.size(); i++) {
            announcement(announcedIds.get(i), company, announced.get(i), now).ifPresent(events::add);
        }
        outbox.appendAll(events);
        return new IngestResult(created, matched.size() - created, matched.size(),
                review(company, matched, listingIds, canonicalIds, now));
    }

    /** Adds each matching follower's review of a page's listings; the number of reviews created {@code new}. */
    private int review(FollowedCompany company, List<Matched> matched, UUID[] listingIds, UUID[] canonicalIds,
                       Instant now) {
        List<UUID> owners = matched.stream().flatMap(m -> m.matches().keySet().stream()).distinct().toList();
        List<UUID> ids = new ArrayList<>(Arrays.asList(listingIds));
        Arrays.stream(canonicalIds).filter(Objects::nonNull).forEach(ids::add);
        List<ListingRepository.Application> applications = listings.applications(owners, company.name(),
                matched.stream().map(m -> m.posting().externalId()).toList(), ids);

        List<ListingRepository.ReviewRow> rows = new ArrayList<>();
        List<ListingRepository.ReviewRow> repeats = new ArrayList<>();
        java.util.Set<List<UUID>> pairs = new java.util.HashSet<>();
        for (int i = 0; i < matched.size(); i++) {
            Posting posting = matched.get(i).posting();
            UUID listingId = listingIds[i];
            UUID canonicalId = canonicalIds[i];
            UUID reviewed = canonicalId != null ? canonicalId : listingId;
            for (Map.Entry<UUID, List<String>> match : matched.get(i).matches().entrySet()) {
                UUID owner = match.getKey();
                boolean applied = applications.stream().anyMatch(a -> a.ownerId().equals(owner)
                        && (listingId.equals(a.sourceListingId())
                            || (canonicalId != null && canonicalId.equals(a.sourceListingId()))
                            || (a.sameCompany() && posting.externalId().equals(a.externalJobId()))));
                var row = new ListingRepository.ReviewRow(owner, reviewed, match.getValue(), applied);
                // two postings merged into one canonical listing review it twice: the second write is an update
                (pairs.add(List.of(owner, reviewed)) ? rows : repeats).add(row);
            }
        }
        int newToReview = 0;
        for (ListingRepository.ReviewWrite write : listings.reviewAll(rows, now)) {
            if (write.inserted() && write.status().equals(ReviewStatus.NEW.value())) {
                newToReview++;
            }
        }
        for (ListingRepository.ReviewRow repeat : repeats) {
            ListingRepository.ReviewWrite write = listings.review(repeat.ownerId(), repeat.listingId(),
                    repeat.terms(), repeat.applied(), now);
            if (write.inserted() && write.status().equals(ReviewStatus.NEW.value())) {
                newToReview++;
            }
        }
        return newToReview;
    }

    /** Marks the listings {@code scope} of the company saw before {@code fetchStartedAt} but not since as stale. */
    @Transactional
    public int markStale(UUID companyId, String scope, Instant fetchStartedAt) {
        return listings.markStale(companyId, scope, fetchStartedAt);
    }

    /** Removes listings stale and unfetched for longer than {@code retention}, except interested or applied ones. */
    @Transactional
    public int removeStale(Duration retention) {
        List<String> protecting = Arrays.stream(ReviewStatus.values()).filter(ReviewStatus::protectsFromCleanup)
                .map(ReviewStatus::value).toList();
        return listings.removeStale(StaleRules.cutoff(clock.instant(), retention), protecting);
    }

    /** The owner's tracker recorded an application: the matching listing (by source listing or id) is applied. */
    @Transactional
    public int applicationRecorded(UUID ownerId, String company, String externalJobId, UUID sourceListingId) {
        return listings.markApplied(ownerId, company, externalJobId, sourceListingId, clock.instant());
    }

    public Page<ListingView> list(UUID ownerId, ListingQuery query, int page, int size) {
        return new PageImpl<>(listings.page(ownerId, query, page, size), PageRequest.of(page, size),
                listings.count(ownerId, query));
    }

    /** Visible listings per status (every status present, zero when none). */
    public Map<ReviewStatus, Long> counts(UUID ownerId) {
        Map<String, Long> raw = listings.countsByStatus(ownerId);
        Map<ReviewStatus, Long> counts = new EnumMap<>(ReviewStatus.class);
        for (ReviewStatus status : ReviewStatus.values()) {
            counts.put(status, raw.getOrDefault(status.value(), 0L));
        }
        return counts;
    }

    @Transactional
    public void setStatus(UUID ownerId, UUID listingId, ReviewStatus target) {
        ReviewStatus current = listings.status(ownerId, listingId).map(ReviewStatus::of)
                .orElseThrow(() -> new ResourceNotFoundException("listing", listingId));
        if (!current.canMoveTo(target)) {
            throw new StatusConflictException("Listing " + listingId + " is applied; applied is final");
        }
        if (current != target) {
            listings.setStatus(ownerId, listingId, target.value(), clock.instant());
        }
    }

    /** Dismisses every visible listing of the owner in {@code from} ({@code new} or {@code interested}). */
    @Transactional
    public int bulkDismiss(UUID ownerId, ReviewStatus from) {
        if (from != ReviewStatus.NEW && from != ReviewStatus.INTERESTED) {
            throw new IllegalArgumentException("only new or interested listings can be dismissed in bulk");
        }
        return listings.bulkMove(ownerId, from.value(), ReviewStatus.DISMISSED.value(), clock.instant());
    }

    /** Marks every visible interested listing of the owner applied. */
    @Transactional
    public int bulkMarkApplied(UUID ownerId) {
        return listings.bulkMove(ownerId, ReviewStatus.INTERESTED.value(), ReviewStatus.APPLIED.value(),
                clock.instant());
    }

    private static Map<UUID, List<String>> matches(FollowedCompany company, Posting posting,
                                                   Map<UUID, List<SearchConfigView>> configsByOwner) {
        Map<UUID, List<String>> matches = new LinkedHashMap<>();
        for (FollowedCompany.Follower follower : company.followers()) {
            List<String> terms = configsByOwner.getOrDefault(follower.ownerId(), List.of()).stream()
                    .filter(c -> c.matches(posting.title(), posting.location(), follower.excludeTerms()))
                    .map(SearchConfigView::searchTerm)
                    .toList();
            if (!terms.isEmpty()) {
                matches.put(follower.ownerId(), terms);
            }
        }
        return matches;
    }

    private IngestResult store(FollowedCompany company, String scope, Posting posting, Map<UUID, List<String>> matches,
                               Instant now) {
        String platform = posting.platform().name().toLowerCase(Locale.ROOT);
        String dedupeKey = SamePosting.dedupeKey(posting.title(), posting.location());
        String hash = contentHash(posting);
        var existing = listings.find(company.id(), platform, posting.externalId());
        UUID listingId;
        UUID canonicalId;
        boolean created = existing.isEmpty();
        if (created) {
            listingId = UUID.randomUUID();
            canonicalId = listings.canonicalCandidates(company.id(), dedupeKey, platform).stream()
                    .filter(c -> SamePosting.nearIdentical(c.descriptionHtml(), posting.descriptionHtml()))
                    .map(ListingRepository.Candidate::id)
                    .findFirst().orElse(null);
            listings.insert(listingId, company.id(), posting, dedupeKey, canonicalId, hash, now);
            publish(listingId, company, posting, now);
        } else {
            listingId = existing.get().id();
            canonicalId = existing.get().canonicalId();
            if (existing.get().contentHash().equals(hash)) {
                listings.touch(listingId, now);
            } else {
                listings.updateContent(listingId, posting, dedupeKey, hash, now);
                publish(listingId, company, posting, now);
            }
        }
        listings.seen(listingId, scope, now);
        UUID reviewed = canonicalId != null ? canonicalId : listingId;
        int newToReview = 0;
        for (Map.Entry<UUID, List<String>> match : matches.entrySet()) {
            boolean applied = appliedJobs.hasApplied(match.getKey(), company.name(), posting.externalId(),
                    canonicalId == null ? List.of(listingId) : List.of(listingId, canonicalId));
            ListingRepository.ReviewWrite write = listings.review(match.getKey(), reviewed, match.getValue(), applied, now);
            if (write.inserted() && write.status().equals(ReviewStatus.NEW.value())) {
                newToReview++;
            }
        }
        return new IngestResult(created ? 1 : 0, created ? 0 : 1, 1, newToReview);
    }

    private void publish(UUID listingId, FollowedCompany company, Posting posting, Instant now) {
        announcement(listingId, company, posting, now).ifPresent(outbox::append);
    }

    /** The {@code JobListingDiscovered} for a new or changed listing; none without a usable URL. */
    private static Optional<JobListingDiscovered> announcement(UUID listingId, FollowedCompany company,
                                                               Posting posting, Instant now) {
        if (posting.url() == null || posting.url().length() > URL_LIMIT) {
            log.warn("not announcing listing {} ({} {}): it has no usable URL", listingId, posting.platform(),
                    posting.externalId());
            return Optional.empty();
        }
        String description = posting.descriptionHtml() != null && posting.descriptionHtml().length() <= DOCUMENT_LIMIT
                ? posting.descriptionHtml() : null;
        return Optional.of(new JobListingDiscovered(UUID.randomUUID(), now, listingId, company.id(),
                cut(company.name()), posting.platform(), cut(posting.externalId()), cut(posting.title()),
                cut(posting.location()), posting.remote(), Boolean.TRUE.equals(posting.remote()) ? WorkSetting.REMOTE : null,
                posting.postedDate(), posting.url(), description, cut(posting.department()),
                compensation(posting.compensation())));
    }

    private static JobListingDiscovered.Compensation compensation(Compensation pay) {
        if (pay == null) {
            return null;
        }
        return new JobListingDiscovered.Compensation(
                pay.min() == null ? null : pay.min().intValue(), pay.max() == null ? null : pay.max().intValue(),
                pay.currency() != null && pay.currency().matches("[A-Z]{3}") ? pay.currency() : null,
                pay.interval() == null ? null : pay.interval().name().toLowerCase(Locale.ROOT),
                pay.summary() == null || pay.summary().length() > 10_000 ? null : pay.summary());
    }

    private static String cut(String value) {
        return value == null || value.length() <= NAME_LIMIT ? value : value.substring(0, NAME_LIMIT);
    }

    /** What the listing shows; a change re-announces it. */
    static String contentHash(Posting p) {
        Compensation pay = p.compensation();
        List<Object> parts = new ArrayList<>(Arrays.asList(p.title(), p.location(), p.remote(), p.postedDate(), p.url(),
                p.department(), p.descriptionHtml()));
        if (pay != null) {
            parts.addAll(Arrays.asList(pay.min(), pay.max(), pay.currency(), pay.interval(), pay.summary()));
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Object part : parts) {
                sha.update(Objects.toString(part, "\u0000").getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0x1f);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
