package io.github.groundedbot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.slash_commands.SlashCommandResponseSender;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.webhook.WebhookResponse;
import io.github.groundedbot.answer.Answer;
import io.github.groundedbot.chat.ChatChannel;
import io.github.groundedbot.limits.ClientKey;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import io.smallrye.faulttolerance.api.TypedGuard;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.util.TypeLiteral;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers answers to Slack: in a thread through the Web API, or to a slash command's response_url.
 * A delivery runs through a SmallRye Fault Tolerance guard: each try on Quarkus's worker pool with
 * a timeout, transient failures retried after doubling waits (with jitter, and never shorter than
 * Slack's {@code Retry-After}) that are timers, not sleeping threads. So a slow or rate-limiting
 * Slack never holds the relay's answer workers.
 */
@ApplicationScoped
public class SlackChannel implements ChatChannel<SlackDestination> {

    private static final Logger LOG = Logger.getLogger(SlackChannel.class);
    /** chat.postMessage errors that say "try again later"; every other error stays an error. */
    private static final Set<String> TRANSIENT_ERRORS = Set.of("ratelimited", "rate_limited", "internal_error",
            "fatal_error", "service_unavailable", "request_timeout");

    private static final String NAME = "slack";

    private final SlackSettings settings;
    private final TypedGuard<CompletionStage<Void>> delivery;
    private Slack slack;
    private Optional<MethodsClient> methods;
    private SlashCommandResponseSender responder;

    public SlackChannel(SlackSettings settings) {
        this.settings = settings;
        SlackSettings.Retry retry = settings.retry();
        this.delivery = TypedGuard.create(new TypeLiteral<CompletionStage<Void>>() {
                })
                .withDescription("slack-delivery")
                .withRetry()
                .maxRetries(retry.maxAttempts() - 1)
                .maxDuration(retry.attemptTimeout().plus(retry.maxBackoff()).multipliedBy(retry.maxAttempts())
                        .toMillis(), ChronoUnit.MILLIS)
                .whenException(SlackChannel::retryable)
                .withCustomBackoff().strategy(() -> new Backoff(retry)).done() // the waits, from initial-backoff
                .done()
                .withTimeout().duration(retry.attemptTimeout().toMillis(), ChronoUnit.MILLIS).done()
                .withThreadOffload(true) // each try on the worker pool; the caller only gets a stage
                .build();
    }

    /**
     * The Slack client (OkHttp, TLS trust store) costs a noticeable part of startup, so it is built
     * on the first delivery, and never when Slack is off.
     */
    private synchronized void client() {
        if (slack != null) {
            return;
        }
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl().replaceAll("/+$", "") + "/api/");
        config.setStatsEnabled(false); // no background metrics thread: we only make plain blocking calls
        // The HTTP call ends when the guard gives up on the try, so the pool thread is freed too.
        config.setHttpClientCallTimeoutMillis((int) settings.retry().attemptTimeout().toMillis());
        slack = Slack.getInstance(config);
        methods = settings.token().map(slack::methods);
        responder = new SlashCommandResponseSender(slack);
    }

    void onStart(@Observes StartupEvent event) {
        if (settings.secret().isEmpty()) {
            LOG.info("Slack is off: set SLACK_SIGNING_SECRET (and SLACK_BOT_TOKEN) to answer on Slack");
        } else if (settings.token().isEmpty()) {
            LOG.warn("Slack: SLACK_BOT_TOKEN is not set, so slash commands work but mentions and DMs go unanswered");
        } else {
            LOG.infof("Slack is on (Web API at %s)", settings.apiUrl());
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    /** A Slack user, whose questions share one rate wherever they ask (mentions, DMs, {@code /ask}). */
    static ClientKey client(String team, String user) {
        return new ClientKey.ChatUser(NAME, team + ":" + user);
    }

    /** Starts the delivery and returns; the tries, and the waits between them, happen off the caller's thread. */
    @Override
    public void deliver(SlackDestination destination, Answer answer) {
        client();
        SlackReply reply = SlackReplies.render(answer);
        if (destination instanceof SlackDestination.InThread thread) {
            deliver("chat.postMessage to " + thread.channel(), () -> postInThread(thread, reply));
        } else if (destination instanceof SlackDestination.ResponseUrl url) {
            deliver("response_url", () -> respond(url, reply));
        }
    }

    private void deliver(String what, Attempt attempt) {
        int maxAttempts = settings.retry().maxAttempts();
        AtomicInteger tries = new AtomicInteger();
        delivery.get(() -> {
            int tried = tries.incrementAndGet();
            try {
                attempt.run();
                return CompletableFuture.completedFuture(null);
            } catch (Failure failure) {
                if (failure.retryable && tried < maxAttempts) {
                    LOG.warnf("Slack %s failed (try %d of %d), retrying: %s", what, tried, maxAttempts,
                            failure.getMessage());
                }
                return CompletableFuture.failedFuture(failure);
            }
        }).whenComplete((done, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                LOG.errorf("Slack %s failed%s: %s", what, retryable(cause) ? " after " + tries.get() + " tries" : "",
                        cause.getMessage());
            }
        });
    }

    private void postInThread(SlackDestination.InThread thread, SlackReply reply) throws Failure {
        if (methods.isEmpty()) {
            throw Failure.permanent("SLACK_BOT_TOKEN is not set");
        }
        try {
            ChatPostMessageResponse response = methods.get().chatPostMessage(r -> r
                    .channel(thread.channel())
                    .threadTs(thread.threadTs())
                    .text(reply.text())
                    .blocks(reply.blocks())
                    .unfurlLinks(false) // the sources are links: no big previews under every answer
                    .unfurlMedia(false));
            if (!response.isOk()) {
                throw TRANSIENT_ERRORS.contains(response.getError())
                        ? Failure.transientFailure(response.getError(), null)
                        : Failure.permanent(response.getError());
            }
        } catch (IOException e) {
            throw Failure.transientFailure(e.toString(), null);
        } catch (SlackApiException e) {
            throw httpFailure(e.getResponse().code(), e.getResponse().header("Retry-After"), e.getResponseBody());
        }
    }

    private void respond(SlackDestination.ResponseUrl url, SlackReply reply) throws Failure {
        SlashCommandResponse response = SlashCommandResponse.builder()
                .responseType("ephemeral")
                .text(reply.text())
                .blocks(reply.blocks())
                .build();
        try {
            WebhookResponse result = responder.send(url.url(), response);
            int code = result.getCode() == null ? 0 : result.getCode();
            if (code < 200 || code >= 300) {
                throw httpFailure(code, header(result, "Retry-After"), result.getBody());
            }
        } catch (IOException e) {
            throw Failure.transientFailure(e.toString(), null);
        }
    }

    private static Failure httpFailure(int status, String retryAfter, String body) {
        String reason = "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + abbreviate(body));
        return status == 429 || status >= 500
                ? Failure.transientFailure(reason, seconds(retryAfter))
                : Failure.permanent(reason);
    }

    @PreDestroy
    synchronized void close() {
        if (slack == null) {
            return;
        }
        try {
            slack.close();
        } catch (Exception e) {
            LOG.debug("Closing the Slack client failed", e);
        }
    }

    @FunctionalInterface
    private interface Attempt {
        void run() throws Failure;
    }

    /** A failed try: retryable ones are tried again, after at least {@code retryAfter} when Slack says so. */
    private static final class Failure extends Exception {
        final boolean retryable;
        final Duration retryAfter;

        private Failure(String message, boolean retryable, Duration retryAfter) {
            super(message, null, false, false);
            this.retryable = retryable;
            this.retryAfter = retryAfter;
        }

        static Failure transientFailure(String message, Duration retryAfter) {
            return new Failure(message, true, retryAfter);
        }

        static Failure permanent(String message) {
            return new Failure(message, false, null);
        }
    }

    private static String header(WebhookResponse response, String name) {
        if (response.getHeaders() == null) {
            return null;
        }
        return response.getHeaders().entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0))
                .findFirst().orElse(null);
    }

    private static Duration seconds(String retryAfter) {
        return retryAfter != null && retryAfter.strip().matches("\\d{1,6}")
                ? Duration.ofSeconds(Long.parseLong(retryAfter.strip())) : null;
    }

    /** Worth another try: Slack said "later", or the try ran out of time. */
    private static boolean retryable(Throwable error) {
        return error instanceof TimeoutException || error instanceof Failure failure && failure.retryable;
    }

    /**
     * Waits between tries: doubling from {@code initial-backoff}, give or take {@code jitter}, at
     * least the Retry-After Slack asked for, at most {@code max-backoff}. Fault Tolerance's own
     * backoffs cannot see the failure, so they could not honour Retry-After. One per delivery.
     */
    private static final class Backoff implements CustomBackoffStrategy {
        private final SlackSettings.Retry retry;
        private Duration next;

        Backoff(SlackSettings.Retry retry) {
            this.retry = retry;
            this.next = retry.initialBackoff();
        }

        @Override
        public long nextDelayInMillis(Throwable exception) {
            long jitter = retry.jitter().toMillis();
            long wait = next.toMillis() + (jitter == 0 ? 0 : ThreadLocalRandom.current().nextLong(-jitter, jitter + 1));
            if (exception instanceof Failure failure && failure.retryAfter != null) {
                wait = Math.max(wait, failure.retryAfter.toMillis());
            }
            next = next.multipliedBy(2).compareTo(retry.maxBackoff()) < 0 ? next.multipliedBy(2) : retry.maxBackoff();
            return Math.max(0, Math.min(wait, retry.maxBackoff().toMillis()));
        }
    }

    private static String abbreviate(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }
}
