package io.github.groundedbot.llm;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.smallrye.faulttolerance.api.TypedGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.jboss.logging.Logger;

import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The OpenAI-compatible chat model ({@link LlmConfig}) behind a hard deadline: the HTTP client's
 * timeout should end a slow call, and {@code answer.llm.timeout} plus one second ends it whatever
 * the client does (DNS, a stuck connection, a stream that stops). A blocking call runs on Quarkus's
 * worker pool through a SmallRye Fault Tolerance timeout; a stream hands its tokens to the caller's
 * thread until it ends or the deadline passes. Calls are never retried: the extractive answer is
 * ready now, and a retry would double the wait.
 */
@ApplicationScoped
public class LlmClient {

    private static final Logger LOG = Logger.getLogger(LlmClient.class);
    /** The HTTP client's timeout should fire first; this bounds everything else. */
    private static final Duration DEADLINE_MARGIN = Duration.ofSeconds(1);
    /** Marks the end of a stream in the token queue. */
    private static final Object DONE = new Object();

    private final Duration deadline;
    private final ChatModel chat;
    private final StreamingChatModel streaming;
    private final TypedGuard<CompletionStage<ChatResponse>> guard;

    public LlmClient(LlmConfig config) {
        this.deadline = config.timeout().plus(DEADLINE_MARGIN);
        if (config.baseUrl().isEmpty()) {
            this.chat = null;
            this.streaming = null;
            this.guard = null;
            return;
        }
        String baseUrl = config.baseUrl().get();
        String apiKey = config.apiKey().filter(key -> !key.isBlank()).orElse(null);
        this.chat = OpenAiChatModel.builder()
                .baseUrl(baseUrl).apiKey(apiKey).modelName(config.model())
                .temperature(config.temperature()).maxTokens(config.maxTokens()).timeout(config.timeout())
                .maxRetries(0)
                .build();
        this.streaming = OpenAiStreamingChatModel.builder()
                .baseUrl(baseUrl).apiKey(apiKey).modelName(config.model())
                .temperature(config.temperature()).maxTokens(config.maxTokens()).timeout(config.timeout())
                .build();
        this.guard = TypedGuard.create(new TypeLiteral<CompletionStage<ChatResponse>>() {
                })
                .withDescription("llm-call")
                .withTimeout().duration(deadline.toMillis(), ChronoUnit.MILLIS).done()
                .withThreadOffload(true)
                .build();
        LOG.infof("Answers are phrased by the LLM '%s' at %s (query rewriting %s)", config.model(), baseUrl,
                config.rewriteQueries() ? "on" : "off");
    }

    /** False when no LLM is configured ({@code answer.llm.base-url} unset). */
    public boolean enabled() {
        return chat != null;
    }

    /** The reply's text, or a failure once the deadline has passed. */
    String call(List<ChatMessage> messages) throws LlmFailure {
        Future<ChatResponse> response = guard.get(() -> {
            try {
                return CompletableFuture.completedFuture(chat.chat(messages));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }).toCompletableFuture();
        try {
            String text = response.get().aiMessage().text();
            if (text == null || text.isBlank()) {
                throw new LlmFailure("malformed", null);
            }
            return text;
        } catch (ExecutionException e) {
            throw new LlmFailure(reason(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.cancel(true);
            throw new LlmFailure("interrupted", e);
        }
    }

    /**
     * Streams the reply, handing each token to {@code tokens} on the calling thread, and returns
     * when it is complete. A failure, or the deadline, ends it early: the tokens handed out stay handed out.
     */
    void stream(List<ChatMessage> messages, Consumer<String> tokens) throws LlmFailure {
        BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        try {
            streaming.chat(messages, new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(String token) {
                    events.add(token);
                }

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    events.add(DONE);
                }

                @Override
                public void onError(Throwable error) {
                    events.add(error);
                }
            });
        } catch (RuntimeException e) {
            throw new LlmFailure(reason(e), e);
        }
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            Object event;
            try {
                event = events.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LlmFailure("interrupted", e);
            }
            if (event == null) {
                throw new LlmFailure("timeout", null);
            } else if (event == DONE) {
                return;
            } else if (event instanceof Throwable error) {
                throw new LlmFailure(reason(error), error);
            }
            tokens.accept((String) event);
        }
    }

    /** The fallback counter's reason for a failed call. */
    static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // The guard holds nothing but the deadline, so any of its exceptions is a timeout.
            if (t instanceof TimeoutException || t instanceof HttpTimeoutException
                    || t instanceof SocketTimeoutException || t instanceof FaultToleranceException) {
                return "timeout";
            }
            if (t instanceof RateLimitException || t instanceof HttpException http && http.statusCode() == 429) {
                return "rate-limited";
            }
            if (t instanceof HttpException || t instanceof LangChain4jException) {
                return "http-error";
            }
        }
        return "error";
    }
}
