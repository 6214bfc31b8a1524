package org.jobsearch.discovery.sync;

import org.jobsearch.discovery.ats.AtsService;
import org.jobsearch.discovery.ats.FetchRequest;
import org.jobsearch.discovery.ats.FetchResult;
import org.jobsearch.discovery.ats.Posting;
import org.jobsearch.discovery.company.CompanyService;
import org.jobsearch.discovery.company.FollowedCompany;
import org.jobsearch.discovery.listing.IngestResult;
import org.jobsearch.discovery.listing.ListingService;
import org.jobsearch.discovery.listing.StaleRules;
import org.jobsearch.discovery.searchconfig.SearchConfigService;
import org.jobsearch.discovery.searchconfig.SearchConfigView;
import org.jobsearch.events.AtsPlatform;
import org.jobsearch.rest.ResourceNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Syncs the catalog: fetches each followed company once — per distinct active search term of its followers on
 * Workday, the whole board elsewhere — through {@link AtsService} (hosts concurrently, each politely), stores the
 * postings page by page, matching them to each follower's configs, marks what a complete fetch no longer has as
 * stale, and removes long-stale listings. One sync runs at a time per instance; others queue behind it. A broken
 * company is one error line in the summary, never the end of the sync.
 */
@Service
public class SyncService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SyncService.class);

    private final SyncRepository syncs;
    private final CompanyService companies;
    private final SearchConfigService searchConfigs;
    private final ListingService listings;
    private final AtsService ats;
    private final SyncProperties properties;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "discovery-sync");
        thread.setDaemon(true);
        return thread;
    });

    SyncService(SyncRepository syncs, CompanyService companies, SearchConfigService searchConfigs,
                ListingService listings, AtsService ats, SyncProperties properties) {
        this.syncs = syncs;
        this.companies = companies;
        this.searchConfigs = searchConfigs;
        this.listings = listings;
        this.ats = ats;
        this.properties = properties;
    }

    /** Queues the scheduled sync, or an admin's: they fetch for every follower. */
    public UUID start(UUID requestedBy, SyncRequest request) {
        return start(requestedBy, true, request);
    }

    /**
     * Queues a sync; {@code requestedBy} null for the scheduled one. The scheduled sync and an
     * admin's fetch for every follower; a user's sync fetches for that user's own search configs
     * only, so its summary (and its progress counts) can never show another user's private terms.
     */
    public UUID start(UUID requestedBy, boolean forEveryFollower, SyncRequest request) {
        UUID id = UUID.randomUUID();
        syncs.insert(id, requestedBy, request, clock.instant());
        UUID onlyFor = forEveryFollower ? null : requestedBy;
        runner.execute(() -> run(id, request, onlyFor));
        return id;
    }

    /** The caller's own sync; another user's (or the scheduled one) is not found, except for an admin. */
    public SyncView get(UUID caller, boolean admin, UUID id) {
        boolean visible = admin || syncs.requestedBy(id).filter(caller::equals).isPresent();
        return syncs.find(id).filter(sync -> visible)
                .orElseThrow(() -> new ResourceNotFoundException("sync", id));
    }

    private record Fetch(FollowedCompany company, String scope, Map<UUID, List<SearchConfigView>> configs,
                         FetchRequest request) {
    }

    void run(UUID id, SyncRequest request, UUID onlyFor) {
        try {
            Instant startedAt = clock.instant();
            List<Fetch> plan = plan(request, onlyFor);
            syncs.started(id, plan.size(), startedAt);
            List<CompletableFuture<FetchResult>> results = plan.stream().map(f -> ats.submit(f.request())).toList();
            for (int i = 0; i < plan.size(); i++) {
                syncs.line(id, store(plan.get(i), results.get(i).join(), request.max(), startedAt));
            }
            int removed = listings.removeStale(properties.staleRetention());
            log.info("sync {} done: {} fetches, {} stale listings removed", id, plan.size(), removed);
            syncs.finished(id, "completed", null, clock.instant());
        } catch (RuntimeException e) {
            log.error("sync {} failed", id, e);
            syncs.finished(id, "failed", String.valueOf(e.getMessage()), clock.instant());
        }
    }

    private List<Fetch> plan(SyncRequest request, UUID onlyFor) {
        List<FollowedCompany> followed = companies.followed(request.companyId());
        Set<UUID> owners = followed.stream().flatMap(c -> c.followers().stream())
                .map(FollowedCompany.Follower::ownerId).collect(Collectors.toSet());
        Map<UUID, List<SearchConfigView>> configs = searchConfigs.activeConfigsOf(owners);
        List<Fetch> plan = new ArrayList<>();
        for (FollowedCompany company : followed) {
            Map<UUID, List<SearchConfigView>> mine = new LinkedHashMap<>();
            for (FollowedCompany.Follower follower : company.followers()) {
                if (onlyFor != null && !onlyFor.equals(follower.ownerId())) {
                    continue;
                }
                List<SearchConfigView> wanted = configs.getOrDefault(follower.ownerId(), List.of()).stream()
                        .filter(c -> request.keywords() == null || c.searchTerm().toLowerCase(Locale.ROOT)
                                .contains(request.keywords().toLowerCase(Locale.ROOT)))
                        .toList();
                if (!wanted.isEmpty()) {
                    mine.put(follower.ownerId(), wanted);
                }
            }
            if (mine.isEmpty()) {
                continue;
            }
            if (company.config().platform() == AtsPlatform.WORKDAY) {
                Map<String, String> terms = new LinkedHashMap<>();
                mine.values().stream().flatMap(List::stream).map(SearchConfigView::searchTerm)
                        .forEach(term -> terms.putIfAbsent(term.toLowerCase(Locale.ROOT), term));
                terms.forEach((scope, term) ->
                        plan.add(new Fetch(company, scope, mine, new FetchRequest(company.config(), term))));
            } else {
                plan.add(new Fetch(company, "", mine, new FetchRequest(company.config(), null)));
            }
        }
        return plan;
    }

    private SyncView.Line store(Fetch fetch, FetchResult result, Integer max, Instant startedAt) {
        FollowedCompany company = fetch.company();
        if (!result.isOk()) {
            return new SyncView.Line(company.id(), company.name(), fetch.scope(), 0, 0, 0, 0,
                    result.outcome().name().toLowerCase(Locale.ROOT) + ": " + result.error());
        }
        try {
            List<Posting> postings = result.postings();
            boolean truncated = max != null && postings.size() > max;
            if (truncated) {
                postings = postings.subList(0, max);
            }
            IngestResult total = IngestResult.NONE;
            for (int from = 0; from < postings.size(); from += properties.pageSize()) {
                List<Posting> page = postings.subList(from, Math.min(postings.size(), from + properties.pageSize()));
                total = total.plus(listings.ingest(company, fetch.scope(), page, fetch.configs()));
            }
            if (StaleRules.fetchMarksStale(true, truncated)) {
                listings.markStale(company.id(), fetch.scope(), startedAt);
            }
            return new SyncView.Line(company.id(), company.name(), fetch.scope(), total.newListings(), total.updated(),
                    total.matched(), total.newToReview(), null);
        } catch (RuntimeException e) {
            log.error("storing the postings of {} ({}) failed", company.name(), fetch.scope(), e);
            return new SyncView.Line(company.id(), company.name(), fetch.scope(), 0, 0, 0, 0,
                    "storing failed: " + e.getMessage());
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        runner.shutdownNow();
        runner.awaitTermination(10, TimeUnit.SECONDS);
    }
}
