package org.jobsearch.discovery.ats;

import org.jobsearch.events.AtsPlatform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The ATS feature's entry: fetches companies' postings from Workday, Greenhouse, Lever, Ashby and SmartRecruiters,
 * normalized to {@link Posting}s. Never throws for a company's sake: every fetch ends in a {@link FetchResult}.
 * Only allow-listed hosts are contacted, one request at a time per host with a pause between requests, several
 * hosts at once ({@link HostScheduler}).
 */
public class AtsService {

    private static final Logger log = LoggerFactory.getLogger(AtsService.class);

    private final HostScheduler scheduler;
    private final AtsHttp http;
    private final WorkdayClient workday;
    private final GreenhouseClient greenhouse;
    private final LeverClient lever;
    private final AshbyClient ashby;
    private final SmartRecruitersClient smartRecruiters;

    public AtsService(AtsProperties properties, HostScheduler scheduler, Clock clock, Sleeper sleeper) {
        this.scheduler = scheduler;
        this.http = AtsHttp.create(properties, scheduler, clock, sleeper);
        this.workday = new WorkdayClient(http, properties, clock);
        this.greenhouse = new GreenhouseClient(http, properties, clock);
        this.lever = new LeverClient(http, properties, clock);
        this.ashby = new AshbyClient(http, properties, clock);
        this.smartRecruiters = new SmartRecruitersClient(http, properties, clock);
    }

    /** Whether the platform filters by the request's search term; the others return the whole board. */
    public static boolean searchesServerSide(AtsPlatform platform) {
        return platform == AtsPlatform.WORKDAY || platform == AtsPlatform.SMARTRECRUITERS;
    }

    /** Fetches one company on the calling thread (still one request at a time per host, with the pause). */
    public FetchResult fetch(FetchRequest request) {
        try {
            return FetchResult.ok(request, fetchPostings(request));
        } catch (AtsFetchException failed) {
            log.warn("ATS fetch of {} failed ({}): {}", request.config(), failed.outcome(), failed.getMessage());
            return FetchResult.failed(request, failed.outcome(), failed.getMessage());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return FetchResult.failed(request, FetchResult.Outcome.FAILED, "interrupted");
        } catch (RuntimeException unexpected) {
            log.error("ATS fetch of {} failed unexpectedly", request.config(), unexpected);
            return FetchResult.failed(request, FetchResult.Outcome.FAILED, "unexpected error: " + unexpected);
        }
    }

    /** Queues one company on its host's lane; the future always completes with a result, never exceptionally. */
    public CompletableFuture<FetchResult> submit(FetchRequest request) {
        String host;
        try {
            host = AtsHttp.hostKey(base(request.config()));
        } catch (RuntimeException unusable) {
            return CompletableFuture.completedFuture(
                    FetchResult.failed(request, FetchResult.Outcome.REFUSED, "unusable config: " + unusable.getMessage()));
        }
        return scheduler.submit(host, () -> fetch(request))
                .exceptionally(failure -> FetchResult.failed(request, FetchResult.Outcome.FAILED,
                        "not run: " + unwrap(failure)));
    }

    /**
     * Fetches every company, hosts concurrently within {@code max-concurrent-hosts}; the results are in the order of
     * the requests.
     */
    public List<FetchResult> fetchAll(List<FetchRequest> requests) {
        List<CompletableFuture<FetchResult>> futures = requests.stream().map(this::submit).toList();
        List<FetchResult> results = new ArrayList<>(futures.size());
        for (CompletableFuture<FetchResult> future : futures) {
            results.add(future.join());
        }
        return results;
    }

    private List<Posting> fetchPostings(FetchRequest request) throws InterruptedException {
        AtsConfig config = request.config();
        String term = searchesServerSide(config.platform()) ? request.searchTerm() : null;
        if (config instanceof WorkdayConfig c) {
            return workday.fetch(c, term);
        }
        if (config instanceof GreenhouseConfig c) {
            return greenhouse.fetch(c, term);
        }
        if (config instanceof LeverConfig c) {
            return lever.fetch(c, term);
        }
        if (config instanceof AshbyConfig c) {
            return ashby.fetch(c, term);
        }
        if (config instanceof SmartRecruitersConfig c) {
            return smartRecruiters.fetch(c, term);
        }
        throw new AtsFetchException(FetchResult.Outcome.REFUSED, "unsupported ATS config " + config);
    }

    private URI base(AtsConfig config) {
        if (config instanceof WorkdayConfig c) {
            return workday.base(c);
        }
        if (config instanceof GreenhouseConfig c) {
            return greenhouse.base(c);
        }
        if (config instanceof LeverConfig c) {
            return lever.base(c);
        }
        if (config instanceof AshbyConfig c) {
            return ashby.base(c);
        }
        if (config instanceof SmartRecruitersConfig c) {
            return smartRecruiters.base(c);
        }
        throw new IllegalArgumentException("unsupported ATS config " + config);
    }

    private static String unwrap(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        return cause instanceof CancellationException ? "cancelled" : String.valueOf(cause.getMessage());
    }
}
