package org.jobsearch.messaging.deadletter;

import org.jobsearch.messaging.inbox.InboxDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/** Lists dead letters and replays them through the same inbox the listener uses. */
public class DeadLetterService {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterService.class);

    private final DeadLetterRepository repository;
    private final InboxDispatcher dispatcher;

    DeadLetterService(DeadLetterRepository repository, InboxDispatcher dispatcher) {
        this.repository = repository;
        this.dispatcher = dispatcher;
    }

    public record Page(List<DeadLetter> items, int page, int size, long total) {
    }

    public record ReplayResult(long id, boolean succeeded, String error) {
    }

    public record ReplaySummary(int attempted, int succeeded, int failed, List<ReplayResult> failures) {
    }

    public Page list(String status, int page, int size) {
        return new Page(repository.find(status, page, size), page, size, repository.count(status));
    }

    public Optional<DeadLetter> find(long id) {
        return repository.findById(id);
    }

    /**
     * Runs the listener on the original record again. The inbox still dedupes on the event id, so a
     * replay of an event that was meanwhile processed has no second effect.
     */
    public Optional<ReplayResult> replay(long id) {
        return repository.findById(id).map(letter -> {
            if (DeadLetter.REPLAYED.equals(letter.status())) {
                return new ReplayResult(id, true, null);
            }
            var record = repository.originalRecord(id).orElseThrow();
            try {
                dispatcher.dispatch(record, true);
                repository.markReplayed(id);
                log.info("dead letter {} ({} {}) replayed", id, letter.eventType(), letter.eventId());
                return new ReplayResult(id, true, null);
            } catch (RuntimeException e) {
                Throwable cause = DeadLetterRecoverer.rootCause(e);
                String error = cause.getClass().getSimpleName() + ": " + cause.getMessage();
                repository.markReplayFailed(id, error);
                log.warn("dead letter {} replay failed: {}", id, error);
                return new ReplayResult(id, false, error);
            }
        });
    }

    /** Replays every pending dead letter, oldest first. */
    public ReplaySummary replayAll() {
        List<Long> ids = repository.pendingIds();
        List<ReplayResult> failures = ids.stream()
                .map(this::replay)
                .flatMap(Optional::stream)
                .filter(result -> !result.succeeded())
                .toList();
        return new ReplaySummary(ids.size(), ids.size() - failures.size(), failures.size(), failures);
    }
}
