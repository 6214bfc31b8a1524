package org.jobsearch.messaging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Settings of the event plumbing, under {@code jobsearch.messaging}. Defaults suit one service on
 * one database; every instance of a service shares {@code relay.name} and {@code relay.slot-name}.
 *
 * @param source      the producing service, written to {@code ce_source} (default: the application name)
 * @param relay       the outbox relay
 * @param consumer    the inbox listeners
 * @param topics      topic creation at start-up
 * @param deadLetters the dead-letter admin API
 */
@Validated
@ConfigurationProperties("jobsearch.messaging")
public record MessagingProperties(
        String source,
        @Valid @DefaultValue Relay relay,
        @Valid @DefaultValue Consumer consumer,
        @Valid @DefaultValue Topics topics,
        @Valid @DefaultValue DeadLetters deadLetters) {

    /**
     * @param enabled             whether this instance takes part in relaying (standbys poll the lock)
     * @param name                engine name and Debezium {@code topic.prefix}; the key of the stored offsets
     * @param slotName            the logical replication slot (unique per PostgreSQL server)
     * @param publicationName     the publication over the outbox (per database)
     * @param pollInterval        Debezium's {@code poll.interval.ms}: its sleep on an idle stream and the time it
     *                            gathers a batch of fewer than {@code maxBatchSize} records (at the default
     *                            {@code maxBatchSize} 1, an event waits about half an interval on average)
     * @param leaderCheckInterval how often the leader checks its lock session, and standbys try the lock
     * @param restartBackoff      pause before a failed engine is restarted
     * @param sendTimeout         how long a record may wait for Kafka's acknowledgement before the relay restarts
     * @param heartbeatInterval   heartbeat that lets the slot advance on a quiet outbox
     * @param retention           how long relayed outbox rows are kept before the leader purges them
     * @param offsetFlushInterval how often, at most, the offsets of acknowledged batches are committed to the
     *                            service's database (0: after every batch); a crash replays up to this much
     * @param maxBatchSize        Debezium's {@code max.batch.size} (at least 1): its queue hands over a batch once it
     *                            holds this many records or the poll interval has passed, so 1 (the default) sends
     *                            each event at once; larger values make a quiet outbox's events wait the interval
     */
    public record Relay(
            @DefaultValue("true") boolean enabled,
            @Pattern(regexp = "[A-Za-z0-9_]+", message = "letters, digits and _ only") String name,
            @Pattern(regexp = "[a-z0-9_]+", message = "lower-case letters, digits and _ only") String slotName,
            @DefaultValue("outbox_publication") @Pattern(regexp = "[a-z0-9_]+") String publicationName,
            @DefaultValue("10ms") @NotNull Duration pollInterval,
            @DefaultValue("500ms") @NotNull Duration leaderCheckInterval,
            @DefaultValue("2s") @NotNull Duration restartBackoff,
            @DefaultValue("30s") @NotNull Duration sendTimeout,
            @DefaultValue("10s") @NotNull Duration heartbeatInterval,
            @DefaultValue("7d") @NotNull Duration retention,
            @DefaultValue("1s") @NotNull Duration offsetFlushInterval,
            @DefaultValue("1") @Min(value = 1,
                    message = "jobsearch.messaging.relay.max-batch-size must be at least 1") int maxBatchSize) {
    }

    /**
     * @param groupId           the consumer group (default: the application name)
     * @param concurrency       listener threads per topic
     * @param retryAttempts     retries after the first failure before a record goes to its DLT
     * @param retryInitialDelay first back-off
     * @param retryMultiplier   back-off growth
     * @param retryMaxDelay     longest back-off
     */
    public record Consumer(
            String groupId,
            @DefaultValue("1") @Min(1) int concurrency,
            @DefaultValue("3") @Min(0) int retryAttempts,
            @DefaultValue("500ms") @NotNull Duration retryInitialDelay,
            @DefaultValue("2.0") double retryMultiplier,
            @DefaultValue("5s") @NotNull Duration retryMaxDelay) {
    }

    /**
     * @param create            create the platform's topics and their DLTs at start-up when missing
     * @param partitions        partitions of each topic
     * @param replicationFactor replicas of each topic
     */
    public record Topics(
            @DefaultValue("true") boolean create,
            @DefaultValue("3") @Min(1) int partitions,
            @DefaultValue("1") @Min(1) short replicationFactor) {
    }

    /** @param basePath where the dead-letter admin API is served (services put it under their /api/&lt;area&gt;) */
    public record DeadLetters(@DefaultValue("/admin/dead-letters") @NotBlank String basePath) {
    }
}
