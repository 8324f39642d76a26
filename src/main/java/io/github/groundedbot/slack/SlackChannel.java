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
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Delivers answers to Slack: in a thread through the Web API, or to a slash command's response_url. */
@ApplicationScoped
public class SlackChannel implements ChatChannel<SlackDestination> {

    private static final Logger LOG = Logger.getLogger(SlackChannel.class);
    /** chat.postMessage errors that say "try again later"; every other error stays an error. */
    private static final Set<String> TRANSIENT_ERRORS = Set.of("ratelimited", "rate_limited", "internal_error",
            "fatal_error", "service_unavailable", "request_timeout");

    private final SlackSettings settings;
    private Slack slack;
    private Optional<MethodsClient> methods;
    private SlashCommandResponseSender responder;

    public SlackChannel(SlackSettings settings) {
        this.settings = settings;
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
        config.setHttpClientCallTimeoutMillis(15_000);
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
        return "slack";
    }

    @Override
    public void deliver(SlackDestination destination, Answer answer) {
        client();
        SlackReply reply = SlackReplies.render(answer);
        if (destination instanceof SlackDestination.InThread thread) {
            withRetries("chat.postMessage to " + thread.channel(), () -> postInThread(thread, reply));
        } else if (destination instanceof SlackDestination.ResponseUrl url) {
            withRetries("response_url", () -> respond(url, reply));
        }
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

    /** Tries a bounded number of times with doubling waits; runs on a relay worker, never on the request thread. */
    private void withRetries(String what, Attempt attempt) {
        SlackSettings.Retry retry = settings.retry();
        Duration backoff = retry.initialBackoff();
        for (int tried = 1; ; tried++) {
            try {
                attempt.run();
                return;
            } catch (Failure failure) {
                if (!failure.retryable || tried >= retry.maxAttempts()) {
                    LOG.errorf("Slack %s failed%s: %s", what,
                            failure.retryable ? " after " + tried + " tries" : "", failure.getMessage());
                    return;
                }
                Duration wait = min(max(backoff, failure.retryAfter), retry.maxBackoff());
                LOG.warnf("Slack %s failed (try %d of %d), retrying in %d ms: %s", what, tried,
                        retry.maxAttempts(), wait.toMillis(), failure.getMessage());
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // shutting down: give up quietly
                    return;
                }
                backoff = min(backoff.multipliedBy(2), retry.maxBackoff());
            }
        }
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

    private static Duration max(Duration a, Duration b) {
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String abbreviate(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }
}
