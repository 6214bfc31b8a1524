package org.jobsearch.discovery.ats;

import org.jobsearch.events.AtsPlatform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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
    private final AtsProperties properties;
    private final AtsHttp http;
    private final WorkdayClient workday;
    private final GreenhouseClient greenhouse;
    private final LeverClient lever;
    private final AshbyClient ashby;
    private final SmartRecruitersClient smartRecruiters;

    public AtsService(AtsProperties properties, HostScheduler scheduler, Clock clock, Sleeper sleeper) {
        this.scheduler = scheduler;
        this.properties = properties;
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

    /**
     * Fetches one company on the calling thread (still one request at a time per host, with the pause), every
     * posting collected in the result. For boards of any size, prefer {@link #fetch(FetchRequest, PostingSink)}.
     */
    public FetchResult fetch(FetchRequest request) {
        List<Posting> postings = new ArrayList<>();
        FetchResult result = fetch(request, batch -> postings.addAll(batch) || true);
        return result.isOk() ? FetchResult.ok(request, postings) : result;
    }

    /**
     * Fetches one company on the calling thread, streaming: the postings go to {@code sink} a batch at a time as they
     * arrive and the result carries none. On a failure, what the sink already took stays taken.
     */
    public FetchResult fetch(FetchRequest request, PostingSink sink) {
        try {
            fetchPostings(request, new Batches(sink, Batches.WHOLE_BOARD_BATCH, properties.maxPostings()));
            return FetchResult.ok(request, List.of());
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
        return submit(request, () -> fetch(request));
    }

    /**
     * Queues one company on its host's lane, streaming its postings to {@code sink} on the fetching thread as they
     * arrive; the future always completes with a result (without postings), never exceptionally.
     */
    public CompletableFuture<FetchResult> submit(FetchRequest request, PostingSink sink) {
        return submit(request, () -> fetch(request, sink));
    }

    private CompletableFuture<FetchResult> submit(FetchRequest request, Callable<FetchResult> fetch) {
        String host;
        try {
            host = AtsHttp.hostKey(base(request.config()));
        } catch (RuntimeException unusable) {
            return CompletableFuture.completedFuture(
                    FetchResult.failed(request, FetchResult.Outcome.REFUSED, "unusable config: " + unusable.getMessage()));
        }
        return scheduler.submit(host, fetch)
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

    private void fetchPostings(FetchRequest request, Batches out) throws InterruptedException {
        AtsConfig config = request.config();
        String term = searchesServerSide(config.platform()) ? request.searchTerm() : null;
        if (config instanceof WorkdayConfig c) {
            workday.fetch(c, term, out);
        } else if (config instanceof GreenhouseConfig c) {
            greenhouse.fetch(c, term, out);
        } else if (config instanceof LeverConfig c) {
            lever.fetch(c, term, out);
        } else if (config instanceof AshbyConfig c) {
            ashby.fetch(c, term, out);
        } else if (config instanceof SmartRecruitersConfig c) {
            smartRecruiters.fetch(c, term, out);
        } else {
            throw new AtsFetchException(FetchResult.Outcome.REFUSED, "unsupported ATS config " + config);
        }
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
