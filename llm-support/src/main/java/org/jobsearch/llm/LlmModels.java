package org.jobsearch.llm;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

/** The langchain4j models of the configured provider; none for offline. */
record LlmModels(ChatModel chat, StreamingChatModel streaming) {

    static final LlmModels NONE = new LlmModels(null, null);

    static LlmModels of(LlmProperties properties) {
        String baseUrl = properties.resolvedBaseUrl();
        String model = properties.resolvedModel();
        return switch (properties.provider()) {
            case ANTHROPIC -> new LlmModels(
                    AnthropicChatModel.builder()
                            .baseUrl(baseUrl)
                            .apiKey(properties.apiKey())
                            .modelName(model)
                            .timeout(properties.timeout())
                            .maxRetries(0)
                            .cacheSystemMessages(properties.cacheSystemPrompt())
                            .returnThinking(false)
                            .logRequests(false)
                            .logResponses(false)
                            .build(),
                    AnthropicStreamingChatModel.builder()
                            .httpClientBuilder(new CompletionGuardingHttpClientBuilder())
                            .baseUrl(baseUrl)
                            .apiKey(properties.apiKey())
                            .modelName(model)
                            .timeout(properties.timeout())
                            .cacheSystemMessages(properties.cacheSystemPrompt())
                            .returnThinking(false)
                            .logRequests(false)
                            .logResponses(false)
                            .build());
            case OPENAI -> {
                // local OpenAI-compatible servers (Ollama, LM Studio) ignore the key but the client wants one
                String apiKey = properties.apiKey() == null || properties.apiKey().isBlank() ? "none" : properties.apiKey();
                yield new LlmModels(
                        OpenAiChatModel.builder()
                                .baseUrl(baseUrl)
                                .apiKey(apiKey)
                                .modelName(model)
                                .timeout(properties.timeout())
                                .maxRetries(0)
                                .logRequests(false)
                                .logResponses(false)
                                .build(),
                        OpenAiStreamingChatModel.builder()
                                .baseUrl(baseUrl)
                                .apiKey(apiKey)
                                .modelName(model)
                                .timeout(properties.timeout())
                                .logRequests(false)
                                .logResponses(false)
                                .build());
            }
            case OFFLINE -> NONE;
        };
    }
}
