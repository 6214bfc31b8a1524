package org.jobsearch.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

import java.net.http.HttpTimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Bounded exponential back-off on transient provider failures only: 408, 429, 5xx (Anthropic's
 * "overloaded" is 529) and timeouts. Any other 4xx fails at once. langchain4j's own retries are
 * off ({@code maxRetries(0)}) so this is the only retry layer. langchain4j's HTTP errors carry the
 * status and body but not the headers, so a {@code retry-after} header cannot be honoured; the
 * back-off is bounded by {@code jobsearch.llm.retry-max-delay} instead.
 */
final class ProviderRetry {

    private final RetryTemplate template;

    ProviderRetry(LlmProperties properties) {
        RetryPolicy policy = RetryPolicy.builder()
                .maxRetries(properties.maxRetries())
                .delay(properties.retryInitialDelay())
                .multiplier(2.0)
                .maxDelay(properties.retryMaxDelay().compareTo(properties.retryInitialDelay()) < 0
                        ? properties.retryInitialDelay() : properties.retryMaxDelay())
                .predicate(ProviderRetry::isTransient)
                .build();
        this.template = new RetryTemplate(policy);
    }

    record Attempted<T>(T value, int attempts) {
    }

    /** The last failure, after the retries it deserved. */
    static final class Failed extends RuntimeException {
        private final int attempts;

        Failed(Throwable cause, int attempts) {
            super(cause.getMessage(), cause);
            this.attempts = attempts;
        }

        int attempts() {
            return attempts;
        }
    }

    /** A streamed answer that broke off after text had arrived: never retried, the text would repeat. */
    static final class MidStreamFailure extends RuntimeException {
        private final long characters;

        MidStreamFailure(String message, Throwable cause, long characters) {
            super(message, cause);
            this.characters = characters;
        }

        long characters() {
            return characters;
        }
    }

    <T> Attempted<T> call(Supplier<T> action) {
        AtomicInteger attempts = new AtomicInteger();
        try {
            T value = template.execute(() -> {
                attempts.incrementAndGet();
                return action.get();
            });
            return new Attempted<>(value, attempts.get());
        } catch (RetryException e) {
            Throwable last = e.getLastException() != null ? e.getLastException() : e.getCause();
            throw new Failed(last != null ? last : e, attempts.get());
        }
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof MidStreamFailure) {
                return false;
            }
            if (cause instanceof HttpException http) {
                int status = http.statusCode();
                return status == 408 || status == 429 || status >= 500;
            }
            if (cause instanceof RateLimitException || cause instanceof InternalServerException
                    || cause instanceof dev.langchain4j.exception.TimeoutException
                    || cause instanceof HttpTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
