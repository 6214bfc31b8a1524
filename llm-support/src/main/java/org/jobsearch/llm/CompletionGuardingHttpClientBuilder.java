package org.jobsearch.llm;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;

import java.time.Duration;

/**
 * The JDK HTTP client, with one addition for Anthropic streams: when the connection closes, the
 * listener is told so as an error. langchain4j's Anthropic client completes only on
 * {@code message_stop} and ignores a close, so a stream that breaks off would otherwise leave the
 * caller waiting for the stream timeout. After a normal {@code message_stop} the error arrives at a
 * handler that has already completed and is ignored.
 */
final class CompletionGuardingHttpClientBuilder implements HttpClientBuilder {

    static final class StreamClosedEarly extends RuntimeException {
        StreamClosedEarly() {
            super("the stream closed before the answer was complete");
        }
    }

    private final JdkHttpClientBuilder delegate = new JdkHttpClientBuilder();

    @Override
    public Duration connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public HttpClientBuilder connectTimeout(Duration timeout) {
        delegate.connectTimeout(timeout);
        return this;
    }

    @Override
    public Duration readTimeout() {
        return delegate.readTimeout();
    }

    @Override
    public HttpClientBuilder readTimeout(Duration timeout) {
        delegate.readTimeout(timeout);
        return this;
    }

    @Override
    public HttpClient build() {
        HttpClient client = delegate.build();
        return new HttpClient() {
            @Override
            public SuccessfulHttpResponse execute(HttpRequest request) {
                return client.execute(request);
            }

            @Override
            public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
                client.execute(request, parser, new ServerSentEventListener() {
                    @Override
                    public void onOpen(SuccessfulHttpResponse response) {
                        listener.onOpen(response);
                    }

                    @Override
                    public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
                        listener.onEvent(event, context);
                    }

                    @Override
                    public void onEvent(ServerSentEvent event) {
                        listener.onEvent(event);
                    }

                    @Override
                    public void onError(Throwable throwable) {
                        listener.onError(throwable);
                    }

                    @Override
                    public void onClose() {
                        listener.onClose();
                        listener.onError(new StreamClosedEarly());
                    }
                });
            }
        };
    }
}
