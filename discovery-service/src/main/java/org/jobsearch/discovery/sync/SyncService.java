package org.jobsearch.discovery.sync;

import org.jobsearch.discovery.ats.AtsService;
import org.jobsearch.discovery.ats.FetchRequest;
import org.jobsearch.discovery.ats.FetchResult;
import org.jobsearch.discovery.ats.Posting;
import org.jobsearch.discovery.ats.PostingSink;
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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Syncs the catalog: fetches each followed company once — per distinct active search term of its followers on
 * Workday, the whole board elsewhere — through {@link AtsService} (hosts concurrently, each politely), stores the
 * postings as they arrive, {@code page-size} per transaction, matching them to each follower's configs, marks what
 * a complete fetch no longer has as stale, and removes long-stale listings. One sync runs at a time across all
 * replicas ({@link SyncLeadership}); others wait for it. The scheduled sync runs once per schedule slot however many
 * replicas fire it. A broken company is one error line in the summary, never the end of the sync.
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
    private final SyncLeadership leadership;
    private final Clock clock = Clock.systemUTC();
    /**
     * Pages being stored at once, over all fetches: up to {@code max-concurrent-hosts} fetch at the same time, and
     * without this bound they would all wait for the pool's connections (REST requests too, until they time out).
     * A fetch waiting here sends nothing meanwhile: the database's pace is the sync's pace, memory stays flat.
     */
    private final Semaphore storing;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "discovery-sync");
        thread.setDaemon(true);
        return thread;
    });

    SyncService(SyncRepository syncs, CompanyService companies, SearchConfigService searchConfigs,
                ListingService listings, AtsService ats, SyncProperties properties, SyncLeadership leadership) {
        this.syncs = syncs;
        this.companies = companies;
        this.searchConfigs = searchConfigs;
        this.listings = listings;
        this.ats = ats;
        this.properties = properties;
        this.leadership = leadership;
        this.storing = new Semaphore(properties.storeConcurrency(), true);
    }

    /** Queues an admin's sync: it fetches for every follower. */
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
        syncs.insert(id, requestedBy, request, null, clock.instant());
        UUID onlyFor = forEveryFollower ? null : requestedBy;
        runner.execute(() -> run(id, request, onlyFor));
        return id;
    }

    /**
     * Queues the scheduled sync of {@code slot} (the cron time it fired for) unless another replica already has:
     * every replica fires the schedule, the first to record the slot runs it, the others get empty.
     */
    Optional<UUID> startScheduled(Instant slot) {
        UUID id = UUID.randomUUID();
        if (!syncs.insert(id, null, SyncRequest.ALL, slot, clock.instant())) {
            log.info("the scheduled sync of {} is another replica's", slot);
            return Optional.empty();
        }
        runner.execute(() -> run(id, SyncRequest.ALL, null));
        return Optional.of(id);
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
        try (SyncLeadership.Held lock = leadership.acquire()) {
            Instant startedAt = clock.instant();
            List<Fetch> plan = plan(request, onlyFor);
            syncs.started(id, plan.size(), startedAt);
            List<CompletableFuture<SyncView.Line>> lines = plan.stream()
                    .map(fetch -> fetchAndStore(fetch, request.max(), startedAt)).toList();
            for (CompletableFuture<SyncView.Line> line : lines) {
                syncs.line(id, line.join());
            }
            int removed = listings.removeStale(properties.staleRetention());
            log.info("sync {} done: {} fetches, {} stale listings removed", id, plan.size(), removed);
            syncs.finished(id, "completed", null, clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            syncs.finished(id, "failed", "interrupted (the service is stopping)", clock.instant());
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

    /**
     * Fetches one company × term on its host's lane and stores the postings there as they arrive, so memory holds
     * one page, never the board; stale marking follows a complete fetch.
     */
    private CompletableFuture<SyncView.Line> fetchAndStore(Fetch fetch, Integer max, Instant startedAt) {
        Storing storing = new Storing(fetch, max);
        return ats.submit(fetch.request(), storing).thenApply(result -> storing.finish(result, startedAt));
    }

    /** Buffers a fetch's postings into transactions of {@code page-size}; stops the fetch at {@code max}. */
    private final class Storing implements PostingSink {
        private final Fetch fetch;
        private final Integer max;
        private final List<Posting> page = new ArrayList<>();
        private IngestResult total = IngestResult.NONE;
        private int taken;
        private boolean capped;
        private String error;

        Storing(Fetch fetch, Integer max) {
            this.fetch = fetch;
            this.max = max;
        }

        @Override
        public boolean accept(List<Posting> batch) {
            for (Posting posting : batch) {
                if (max != null && taken >= max) {
                    capped = true;
                    break;
                }
                page.add(posting);
                taken++;
                if (page.size() >= properties.pageSize()) {
                    store();
                }
            }
            if (max != null && taken >= max) {
                // a fetch that reached the cap may have missed postings: it must not mark anything stale
                capped = true;
            }
            return error == null && !capped;
        }

        private void store() {
            if (page.isEmpty() || error != null) {
                return;
            }
            try {
                storing.acquire();
                try {
                    total = total.plus(listings.ingest(fetch.company(), fetch.scope(), List.copyOf(page),
                            fetch.configs()));
                } finally {
                    storing.release();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "storing interrupted (the service is stopping)";
            } catch (RuntimeException e) {
                log.error("storing the postings of {} ({}) failed", fetch.company().name(), fetch.scope(), e);
                error = "storing failed: " + e.getMessage();
            } finally {
                page.clear();
            }
        }

        SyncView.Line finish(FetchResult result, Instant startedAt) {
            FollowedCompany company = fetch.company();
            store();
            String failure = error;
            if (failure == null && !result.isOk()) {
                failure = result.outcome().name().toLowerCase(Locale.ROOT) + ": " + result.error();
            }
            if (failure == null && StaleRules.fetchMarksStale(true, capped)) {
                try {
                    listings.markStale(company.id(), fetch.scope(), startedAt);
                } catch (RuntimeException e) {
                    log.error("marking stale listings of {} ({}) failed", company.name(), fetch.scope(), e);
                    failure = "marking stale failed: " + e.getMessage();
                }
            }
            return new SyncView.Line(company.id(), company.name(), fetch.scope(), total.newListings(), total.updated(),
                    total.matched(), total.newToReview(), failure);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        runner.shutdownNow();
        runner.awaitTermination(10, TimeUnit.SECONDS);
    }
}
