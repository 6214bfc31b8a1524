package org.jobsearch.prep.preparation;

import org.jobsearch.events.JdParsed;
import org.jobsearch.events.ResumeRendered;
import org.jobsearch.llm.LlmFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs recorded generations after the transactions that asked for them have committed: it polls
 * {@code prep_generation} (and is woken after each such commit), claims one row at a time, reads the inputs, calls the
 * generator with no transaction open, then saves the document and the outcome in one short transaction. Rows
 * survive restarts; a row left running by a lost instance is taken up again after the lease.
 */
@Component
class GenerationWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GenerationWorker.class);

    private final GenerationQueue queue;
    private final InputStore inputs;
    private final DocumentStore documents;
    private final PrepGenerator generator;
    private final TransactionTemplate transactions;
    private final PrepProperties properties;
    private final Clock clock = Clock.systemUTC();
    private ScheduledExecutorService executor;

    GenerationWorker(GenerationQueue queue, InputStore inputs, DocumentStore documents, PrepGenerator generator,
                     TransactionTemplate transactions, PrepProperties properties) {
        this.queue = queue;
        this.inputs = inputs;
        this.documents = documents;
        this.generator = generator;
        this.transactions = transactions;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "prep-generation");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::drain, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    /** Looks for work now instead of at the next poll; called after a commit that recorded a generation. */
    synchronized void wake() {
        if (executor != null) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        try {
            Optional<GenerationQueue.Claimed> next;
            while (!Thread.currentThread().isInterrupted()
                    && (next = queue.claim(clock.instant().minus(properties.lease()))).isPresent()) {
                run(next.get());
            }
        } catch (RuntimeException e) {
            log.warn("generation worker: {}", e.toString());
        }
    }

    private void run(GenerationQueue.Claimed g) {
        try {
            Optional<JdParsed> job = inputs.job(g.ownerId(), g.jobId());
            if (job.isEmpty()) {
                queue.waitForJob(g.id());
                return;
            }
            ResumeRendered.Content resume = inputs.resume(g.ownerId(), g.jobId()).orElse(null);
            Optional<PrepDocumentView> base = documents.latest(g.ownerId(), g.applicationId(), null);
            if (g.interviewId() == null) {
                if (base.isPresent() && !"regenerate".equals(g.reason())) {
                    queue.finish(g.id(), "done", base.get().id(), null, clock.instant());
                    return;
                }
                PrepGenerator.Generated doc = generator.base(
                        new PrepGenerator.BaseInput(g.ownerId(), g.applicationId(), job.get(), resume));
                save(g, null, doc);
                return;
            }
            Optional<InterviewView> interview = inputs.interview(g.ownerId(), g.interviewId());
            if (interview.isEmpty() || interview.get().cancelled()) {
                queue.finish(g.id(), "skipped", null, "the interview was cancelled", clock.instant());
                return;
            }
            if (base.isEmpty()) {
                PrepGenerator.Generated made = generator.base(
                        new PrepGenerator.BaseInput(g.ownerId(), g.applicationId(), job.get(), resume));
                base = Optional.of(transactions.execute(status -> documents.append(g.ownerId(), g.applicationId(),
                        null, made.sections(), made.generator(), null, clock.instant())));
            }
            InterviewView iv = interview.get();
            List<PrepGenerator.EarlierRound> earlier = inputs.interviews(g.ownerId(), g.applicationId()).stream()
                    .filter(other -> !other.interviewId().equals(iv.interviewId()) && !other.cancelled()
                            && other.scheduledAt().isBefore(iv.scheduledAt()) && other.hasDebrief())
                    .map(o -> new PrepGenerator.EarlierRound(o.stage(), o.focus(), o.scheduledAt(),
                            o.questionsAsked(), o.selfReflection()))
                    .toList();
            PrepGenerator.Generated doc = generator.interview(new PrepGenerator.InterviewInput(g.ownerId(),
                    g.applicationId(), job.get(), resume, sections(base.get()),
                    new PrepGenerator.Interview(iv.interviewId(), iv.stage(), iv.format(), iv.focus(),
                            iv.interviewerName(), iv.interviewerTitle(), iv.scheduledAt()), earlier));
            save(g, g.interviewId(), doc);
        } catch (LlmFailure e) {
            log.warn("generation {} failed: {} ({})", g.id(), e.getMessage(), e.reason());
            queue.finish(g.id(), "failed", null, e.reason() + ": " + e.getMessage(), clock.instant());
        } catch (RuntimeException e) {
            log.warn("generation {} failed", g.id(), e);
            queue.finish(g.id(), "failed", null, e.toString(), clock.instant());
        }
    }

    private void save(GenerationQueue.Claimed g, java.util.UUID interviewId, PrepGenerator.Generated doc) {
        transactions.executeWithoutResult(status -> {
            PrepDocumentView saved = documents.append(g.ownerId(), g.applicationId(), interviewId, doc.sections(),
                    doc.generator(), null, clock.instant());
            queue.finish(g.id(), "done", saved.id(), null, clock.instant());
        });
    }

    static Map<PrepSection, String> sections(PrepDocumentView document) {
        Map<PrepSection, String> sections = new EnumMap<>(PrepSection.class);
        document.sections().forEach((key, markdown) -> PrepSection.byKey(key).ifPresent(s -> sections.put(s, markdown)));
        return sections;
    }

    @Override
    public int getPhase() {
        // after the web server and the Kafka listeners: generations start once the service is up
        return Integer.MAX_VALUE - 100;
    }
}
