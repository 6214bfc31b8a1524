package org.jobsearch.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.anthropic.AnthropicTokenUsage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/** {@link LlmClient} on langchain4j's chat models, with budget, retries, validation and the ledger. */
final class DefaultLlmClient implements LlmClient {

    private static final Logger log = LoggerFactory.getLogger(DefaultLlmClient.class);
    private static final String OFFLINE = "offline";

    private final LlmProperties properties;
    private final LlmModels models;
    private final CostLedger ledger;
    private final StructuredOutput output;
    private final ProviderRetry retry;
    private final String provider;
    private final String model;
    private final LlmProperties.Price price;

    DefaultLlmClient(LlmProperties properties, LlmModels models, CostLedger ledger, Validator validator) {
        this.properties = properties;
        this.models = models;
        this.ledger = ledger;
        this.output = new StructuredOutput(validator);
        this.retry = new ProviderRetry(properties);
        this.provider = properties.provider().id();
        this.model = properties.resolvedModel();
        this.price = properties.priceOf(model);
    }

    @Override
    public boolean isOffline() {
        return properties.provider() == LlmProperties.Provider.OFFLINE;
    }

    @Override
    public String provider() {
        return provider;
    }

    @Override
    public String model() {
        return model;
    }

    // ---------------------------------------------------------------- structured

    /** One completed request/response, not yet written to the ledger (its outcome depends on validation). */
    private record Exchange(String text, FinishReason finishReason, long estimate, LlmUsage usage, BigDecimal cost,
                            long latencyMs, int attempts) {
    }

    @Override
    public <T> LlmResult<T> structured(LlmCall call, Class<T> type, Function<? super T, List<String>> check) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(check, "check");
        refuseIfOffline(call);
        List<ChatMessage> messages = new ArrayList<>();
        if (!call.systemContext().isBlank()) {
            messages.add(SystemMessage.from(call.systemContext()));
        }
        messages.add(UserMessage.from(call.userMessage() + "\n\n" + StructuredOutput.formatInstruction(type)));

        Exchange first = exchange(call, messages);
        StructuredOutput.Parsed<T> parsed = checked(output.parse(first.text(), type), check);
        if (parsed.valid()) {
            record(call, first, LlmOutcome.OK, null);
            return new LlmResult<>(parsed.value(), LlmOutcome.OK, provider, model, first.usage(), first.cost(),
                    first.latencyMs(), 1);
        }
        record(call, first, LlmOutcome.INVALID, String.join("; ", parsed.problems()));

        List<ChatMessage> repair = new ArrayList<>(messages);
        repair.add(AiMessage.from(first.text() == null || first.text().isBlank() ? "(empty answer)" : first.text()));
        repair.add(UserMessage.from(StructuredOutput.repairInstruction(parsed.problems())));
        Exchange second = exchange(call, repair);
        StructuredOutput.Parsed<T> repaired = checked(output.parse(second.text(), type), check);
        if (!repaired.valid()) {
            String problems = String.join("; ", repaired.problems());
            record(call, second, LlmOutcome.INVALID, problems);
            throw new LlmFailure(call.purpose(), LlmFailure.Reason.INVALID_OUTPUT,
                    "no valid " + type.getSimpleName() + " after one repair attempt: " + problems);
        }
        record(call, second, LlmOutcome.REPAIRED, null);
        return new LlmResult<>(repaired.value(), LlmOutcome.REPAIRED, provider, model,
                first.usage().plus(second.usage()), first.cost().add(second.cost()),
                first.latencyMs() + second.latencyMs(), 2);
    }

    /** A parsed, valid answer with the caller's problems applied: any problem makes it invalid. */
    private static <T> StructuredOutput.Parsed<T> checked(StructuredOutput.Parsed<T> parsed,
                                                          Function<? super T, List<String>> check) {
        if (!parsed.valid()) {
            return parsed;
        }
        List<String> problems = check.apply(parsed.value());
        return problems == null || problems.isEmpty() ? parsed
                : new StructuredOutput.Parsed<>(null, List.copyOf(problems));
    }

    /** Budget check, then the call with retries; failures and truncation are recorded and thrown here. */
    private Exchange exchange(LlmCall call, List<ChatMessage> messages) {
        long estimate = estimate(messages);
        checkBudget(call, estimate);
        ChatRequest request = ChatRequest.builder().messages(messages).maxOutputTokens(call.maxOutputTokens()).build();
        long started = System.nanoTime();
        ProviderRetry.Attempted<ChatResponse> attempted;
        try {
            attempted = retry.call(() -> models.chat().chat(request));
        } catch (ProviderRetry.Failed failed) {
            long latency = millisSince(started);
            String error = describe(failed.getCause());
            writeRow(call, estimate, new LlmUsage(0, 0, 0, 0), latency, failed.attempts(), LlmOutcome.ERROR, error);
            throw new LlmFailure(call.purpose(), LlmFailure.Reason.PROVIDER_ERROR,
                    "the provider failed after " + failed.attempts() + " attempt(s): " + error, failed.getCause());
        }
        long latency = millisSince(started);
        ChatResponse response = attempted.value();
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        LlmUsage usage = usageOf(response.tokenUsage(), estimate, text);
        Exchange exchange = new Exchange(text, response.finishReason(), estimate, usage, price.cost(usage), latency,
                attempted.attempts());
        if (response.finishReason() == FinishReason.LENGTH) {
            // a cut-off JSON answer would only be cut off again by a repair with the same output budget
            record(call, exchange, LlmOutcome.TRUNCATED, "output limit of " + call.maxOutputTokens() + " tokens reached");
            throw new LlmFailure(call.purpose(), LlmFailure.Reason.TRUNCATED,
                    "the answer reached its output limit of " + call.maxOutputTokens() + " tokens");
        }
        return exchange;
    }

    // ---------------------------------------------------------------- streaming

    @Override
    public LlmResult<String> streamText(LlmCall call, Consumer<String> onPartialText) {
        Objects.requireNonNull(onPartialText, "onPartialText");
        refuseIfOffline(call);
        List<ChatMessage> messages = new ArrayList<>();
        if (!call.systemContext().isBlank()) {
            messages.add(SystemMessage.from(call.systemContext()));
        }
        messages.add(UserMessage.from(call.userMessage()));
        long estimate = estimate(messages);
        checkBudget(call, estimate);
        ChatRequest request = ChatRequest.builder().messages(messages).maxOutputTokens(call.maxOutputTokens()).build();

        long started = System.nanoTime();
        ProviderRetry.Attempted<ChatResponse> attempted;
        try {
            attempted = retry.call(() -> streamOnce(request, onPartialText));
        } catch (ProviderRetry.Failed failed) {
            long latency = millisSince(started);
            Throwable cause = failed.getCause();
            String error = describe(cause);
            if (cause instanceof ProviderRetry.MidStreamFailure broken && broken.characters() > 0) {
                LlmUsage usage = new LlmUsage(estimate, 0, 0, TokenEstimate.ofCharacters(broken.characters()));
                writeRow(call, estimate, usage, latency, failed.attempts(), LlmOutcome.TRUNCATED, error);
                throw new LlmFailure(call.purpose(), LlmFailure.Reason.TRUNCATED,
                        "the stream broke off after " + broken.characters() + " characters: " + error, cause);
            }
            writeRow(call, estimate, LlmUsage.NONE, latency, failed.attempts(), LlmOutcome.ERROR, error);
            throw new LlmFailure(call.purpose(), LlmFailure.Reason.PROVIDER_ERROR,
                    "the provider failed after " + failed.attempts() + " attempt(s): " + error, cause);
        }
        long latency = millisSince(started);
        ChatResponse response = attempted.value();
        String text = response.aiMessage() == null || response.aiMessage().text() == null ? ""
                : response.aiMessage().text();
        LlmUsage usage = usageOf(response.tokenUsage(), estimate, text);
        Exchange exchange = new Exchange(text, response.finishReason(), estimate, usage, price.cost(usage), latency,
                attempted.attempts());
        FinishReason finish = response.finishReason();
        if (finish == FinishReason.STOP) {
            record(call, exchange, LlmOutcome.OK, null);
            return new LlmResult<>(text, LlmOutcome.OK, provider, model, usage, exchange.cost(), latency, 1);
        }
        if (finish == FinishReason.LENGTH || finish == null) {
            String reason = finish == null ? "the stream ended without a stop reason"
                    : "the answer reached its output limit of " + call.maxOutputTokens() + " tokens";
            record(call, exchange, LlmOutcome.TRUNCATED, reason);
            throw new LlmFailure(call.purpose(), LlmFailure.Reason.TRUNCATED, reason);
        }
        String reason = "the answer stopped with " + finish;
        record(call, exchange, LlmOutcome.ERROR, reason);
        throw new LlmFailure(call.purpose(), LlmFailure.Reason.PROVIDER_ERROR, reason);
    }

    private ChatResponse streamOnce(ChatRequest request, Consumer<String> onPartialText) {
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        AtomicLong characters = new AtomicLong();
        models.streaming().chat(request, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String text) {
                characters.addAndGet(text.length());
                try {
                    onPartialText.accept(text);
                } catch (RuntimeException e) {
                    log.warn("partial-text consumer failed; the stream goes on", e);
                }
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        try {
            return done.get(properties.streamTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (characters.get() > 0) {
                throw new ProviderRetry.MidStreamFailure(describe(cause), cause, characters.get());
            }
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(describe(cause), cause);
        } catch (TimeoutException e) {
            throw new ProviderRetry.MidStreamFailure("no complete answer within " + properties.streamTimeout(), e,
                    characters.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderRetry.MidStreamFailure("interrupted while streaming", e, characters.get());
        }
    }

    // ---------------------------------------------------------------- offline

    @Override
    public void recordOffline(UUID ownerId, String purpose, UUID jobId, UUID applicationId, Duration took,
                              LlmOutcome outcome, String error) {
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(outcome, "outcome");
        long latency = took == null ? 0 : Math.max(0, took.toMillis());
        ledger.record(new CostLedger.Entry(ownerId, jobId, applicationId, purpose, OFFLINE, OFFLINE, 0, LlmUsage.NONE,
                BigDecimal.ZERO, latency, 1, outcome, error));
    }

    private void refuseIfOffline(LlmCall call) {
        Objects.requireNonNull(call, "call");
        if (isOffline()) {
            throw new LlmFailure(call.purpose(), LlmFailure.Reason.OFFLINE, "jobsearch.llm.provider is offline, so no "
                    + "model is called: check LlmClient.isOffline() and run the offline logic instead");
        }
    }

    // ---------------------------------------------------------------- budget, usage, ledger

    private void checkBudget(LlmCall call, long estimate) {
        BigDecimal budget = properties.budget().monthlyUsd();
        BigDecimal worstCase = price.cost(new LlmUsage(estimate, 0, 0, call.maxOutputTokens()));
        BigDecimal spent = ledger.spentThisMonth(call.ownerId());
        if (spent.add(worstCase).compareTo(budget) > 0) {
            LlmBudgetExceeded exceeded = new LlmBudgetExceeded(call.purpose(), call.ownerId(), spent, worstCase, budget);
            writeRow(call, estimate, LlmUsage.NONE, 0, 0, LlmOutcome.BUDGET_EXCEEDED, exceeded.getMessage());
            throw exceeded;
        }
    }

    private static long estimate(List<ChatMessage> messages) {
        long characters = 0;
        for (ChatMessage message : messages) {
            String text = "";
            if (message instanceof SystemMessage system) {
                text = system.text();
            } else if (message instanceof UserMessage user) {
                text = user.singleText();
            } else if (message instanceof AiMessage ai) {
                text = ai.text();
            }
            characters += text == null ? 0 : text.length();
        }
        return TokenEstimate.ofCharacters(characters);
    }

    /**
     * The provider's counts, split the way they are billed. Anthropic reports cache tokens apart from
     * input; OpenAI counts cached tokens inside the prompt tokens. A server that reports nothing is
     * counted by the estimate rule.
     */
    static LlmUsage usageOf(TokenUsage usage, long estimatedInput, String text) {
        long input = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        long outputTokens = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        long cacheWrite = 0;
        long cacheRead = 0;
        if (usage instanceof AnthropicTokenUsage anthropic) {
            cacheWrite = anthropic.cacheCreationInputTokens() == null ? 0 : anthropic.cacheCreationInputTokens();
            cacheRead = anthropic.cacheReadInputTokens() == null ? 0 : anthropic.cacheReadInputTokens();
        } else if (usage instanceof OpenAiTokenUsage openAi && openAi.inputTokensDetails() != null
                && openAi.inputTokensDetails().cachedTokens() != null) {
            cacheRead = Math.min(input, openAi.inputTokensDetails().cachedTokens());
            input -= cacheRead;
        }
        if (input + cacheWrite + cacheRead == 0 && outputTokens == 0) {
            return new LlmUsage(estimatedInput, 0, 0, TokenEstimate.of(text));
        }
        return new LlmUsage(input, cacheWrite, cacheRead, outputTokens);
    }

    private void record(LlmCall call, Exchange exchange, LlmOutcome outcome, String error) {
        ledger.record(new CostLedger.Entry(call.ownerId(), call.jobId(), call.applicationId(), call.purpose(), provider,
                model, exchange.estimate(), exchange.usage(), exchange.cost(), exchange.latencyMs(), exchange.attempts(),
                outcome, error));
        logCall(call, outcome, exchange.usage(), exchange.cost(), exchange.latencyMs(), exchange.attempts());
    }

    private void writeRow(LlmCall call, long estimate, LlmUsage usage, long latencyMs, int attempts, LlmOutcome outcome,
                          String error) {
        BigDecimal cost = price.cost(usage);
        ledger.record(new CostLedger.Entry(call.ownerId(), call.jobId(), call.applicationId(), call.purpose(), provider,
                model, estimate, usage, cost, latencyMs, attempts, outcome, error));
        logCall(call, outcome, usage, cost, latencyMs, attempts);
    }

    private void logCall(LlmCall call, LlmOutcome outcome, LlmUsage usage, BigDecimal cost, long latencyMs,
                         int attempts) {
        log.info("llm call purpose={} model={} outcome={} input={} cacheWrite={} cacheRead={} output={} costUsd={} "
                        + "latencyMs={} attempts={}", call.purpose(), model, outcome.dbValue(), usage.inputTokens(),
                usage.cacheWriteTokens(), usage.cacheReadTokens(), usage.outputTokens(), cost.toPlainString(),
                latencyMs, attempts);
    }

    private static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        StringBuilder text = new StringBuilder(failure.getClass().getSimpleName());
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : failure.getMessage();
        if (message != null) {
            String oneLine = message.replaceAll("\\s+", " ").trim();
            text.append(": ").append(oneLine.length() > 500 ? oneLine.substring(0, 500) + "…" : oneLine);
        }
        return text.toString();
    }

    private static long millisSince(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}
