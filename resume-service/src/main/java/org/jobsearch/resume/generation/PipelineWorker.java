package org.jobsearch.resume.generation;

import org.jobsearch.resume.config.ResumeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs queued resumes after the transactions that queued them (a REST request, an inbox transaction) have committed,
 * so a slow model call never holds a database or Kafka transaction: it polls the {@code resume} table (and is woken
 * after each such commit), claims one resume at a time with {@code for update skip locked} (replicas share the
 * work) and runs its remaining steps. A resume left mid-step by a lost instance is claimed again once its lease has
 * run out.
 */
@Component
class PipelineWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PipelineWorker.class);

    private final ResumePipeline pipeline;
    private final ResumeProperties.Pipeline properties;
    private ScheduledExecutorService executor;

    PipelineWorker(ResumePipeline pipeline, ResumeProperties properties) {
        this.pipeline = pipeline;
        this.properties = properties.pipeline();
    }

    @Override
    public synchronized void start() {
        executor = Executors.newScheduledThreadPool(properties.workers(), r -> {
            Thread thread = new Thread(r, "resume-pipeline");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.pollInterval().toMillis();
        for (int i = 0; i < properties.workers(); i++) {
            executor.scheduleWithFixedDelay(this::drain, interval, interval, TimeUnit.MILLISECONDS);
        }
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

    /** Looks for work once the current transaction (if any) has committed, instead of at the next poll. */
    void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
    }

    private synchronized void wake() {
        if (executor != null) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        try {
            Optional<ResumePipeline.Claim> next;
            while (!Thread.currentThread().isInterrupted()
                    && (next = pipeline.claim(Instant.now().minus(properties.lease()))).isPresent()) {
                pipeline.run(next.get());
            }
        } catch (RuntimeException e) {
            log.warn("resume pipeline worker: {}", e.toString());
        }
    }

    @Override
    public int getPhase() {
        // after the web server and the Kafka listeners: resumes run once the service is up
        return Integer.MAX_VALUE - 100;
    }
}
