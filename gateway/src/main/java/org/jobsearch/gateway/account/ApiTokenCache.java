package org.jobsearch.gateway.account;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Which enabled account a live personal token belongs to, remembered for a short time, so a script's
 * request costs no database round trip. Keyed by the token's SHA-256 (never the secret).
 *
 * <p>What keeps it safe:
 * <ul>
 *   <li>Revoking a token, disabling an account, changing or setting its password evict the entries
 *       concerned once the change has committed, before the change's request answers: the very next
 *       request goes to the database.</li>
 *   <li>A look-up that was reading the database while such a change committed does not store its (now
 *       stale) answer: every eviction advances a generation, and an answer is stored only if the
 *       generation is the one seen before the look-up began (store and eviction exclude each other).</li>
 *   <li>A token's own expiry is checked on every hit; only positive answers are kept.</li>
 *   <li>What this process does not see (a second gateway instance, SQL typed into the database) takes
 *       effect at most {@code ttl} later.</li>
 * </ul>
 */
final class ApiTokenCache {

    /** Enough for every active token of a large deployment; beyond it expired entries go, then everything. */
    static final int MAX_ENTRIES = 10_000;

    record Entry(UUID tokenId, Account account, Instant expiresAt, Instant cachedAt) {
    }

    private final Map<String, Entry> byHash = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;
    private final Object lock = new Object();
    private long generation;

    ApiTokenCache(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The live entry for this token hash: neither older than the ttl nor past the token's expiry. */
    Optional<Entry> get(String tokenHash) {
        Entry entry = byHash.get(tokenHash);
        if (entry == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!now.isBefore(entry.cachedAt().plus(ttl)) || (entry.expiresAt() != null && !now.isBefore(entry.expiresAt()))) {
            byHash.remove(tokenHash, entry);
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    /** To pass to {@link #put} after the database look-up that follows. */
    long generation() {
        synchronized (lock) {
            return generation;
        }
    }

    /** Stores what the database said, unless an eviction happened since {@code seenGeneration}. */
    void put(String tokenHash, UUID tokenId, Account account, Instant expiresAt, long seenGeneration) {
        if (ttl.isZero()) {
            return;
        }
        synchronized (lock) {
            if (generation != seenGeneration) {
                return;
            }
            if (byHash.size() >= MAX_ENTRIES) {
                Instant now = clock.instant();
                byHash.values().removeIf(e -> !now.isBefore(e.cachedAt().plus(ttl)));
                if (byHash.size() >= MAX_ENTRIES) {
                    byHash.clear();
                }
            }
            byHash.put(tokenHash, new Entry(tokenId, account, expiresAt, clock.instant()));
        }
    }

    /** Forgets the token, once the current transaction (if any) has committed. */
    void evictToken(UUID tokenId) {
        afterCommit(() -> evict(entry -> entry.tokenId().equals(tokenId)));
    }

    /** Forgets every token of the account, once the current transaction (if any) has committed. */
    void evictAccount(UUID accountId) {
        afterCommit(() -> evict(entry -> entry.account().id().equals(accountId)));
    }

    int size() {
        return byHash.size();
    }

    private void evict(Predicate<Entry> which) {
        synchronized (lock) {
            generation++;
            byHash.values().removeIf(which);
        }
    }

    /**
     * After the commit, not before: a look-up between an earlier eviction and the commit would still
     * read the old row and store it. (Evicting after a rollback is harmless.)
     */
    private static void afterCommit(Runnable eviction) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    eviction.run();
                }
            });
        } else {
            eviction.run();
        }
    }
}
