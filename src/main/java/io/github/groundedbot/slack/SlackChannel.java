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
import io.github.groundedbot.chat.ChatPlatform;
import io.github.groundedbot.chat.Delivery;
import io.github.groundedbot.chat.DeliveryFailure;
import io.github.groundedbot.limits.ClientKey;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * Delivers answers to Slack: in a thread through the Web API, or to a slash command's response_url.
 * A delivery runs through {@link Delivery}: tries with a timeout, retried after timer waits, so a
 * slow or rate-limiting Slack never holds the relay's answer workers.
 */
@ApplicationScoped
public class SlackChannel implements ChatChannel<SlackDestination>, ChatPlatform {

    private static final Logger LOG = Logger.getLogger(SlackChannel.class);
    /** chat.postMessage errors that say "try again later"; every other error stays an error. */
    private static final Set<String> TRANSIENT_ERRORS = Set.of("ratelimited", "rate_limited", "internal_error",
            "fatal_error", "service_unavailable", "request_timeout");

    private static final String NAME = "slack";

    private final SlackSettings settings;
    private final Delivery delivery;
    private Slack slack;
    private Optional<MethodsClient> methods;
    private SlashCommandResponseSender responder;

    public SlackChannel(SlackSettings settings) {
        this.settings = settings;
        this.delivery = new Delivery("Slack", settings.retry());
    }

    /**
     * The Slack client (OkHttp, TLS trust store) costs a noticeable part of startup, so it is built
     * on first use, and never when Slack is off. Socket Mode shares it.
     */
    synchronized Slack client() {
        if (slack != null) {
            return slack;
        }
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl().replaceAll("/+$", "") + "/api/");
        config.setStatsEnabled(false); // no background metrics thread: we only make plain blocking calls
        // The HTTP call ends when the guard gives up on the try, so the pool thread is freed too.
        config.setHttpClientCallTimeoutMillis((int) settings.retry().attemptTimeout().toMillis());
        slack = Slack.getInstance(config);
        methods = settings.token().map(slack::methods);
        responder = new SlashCommandResponseSender(slack);
        return slack;
    }

    void onStart(@Observes StartupEvent event) {
        if (settings.secret().isPresent() && settings.token().isEmpty()) {
            LOG.warn("Slack: SLACK_BOT_TOKEN is not set, so slash commands work but mentions and DMs go unanswered");
        }
    }

    @Override
    public String displayName() {
        return "Slack Events API";
    }

    @Override
    public boolean on() {
        return settings.secret().isPresent();
    }

    @Override
    public String howToTurnOn() {
        return "set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN";
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
            delivery.start("chat.postMessage to " + thread.channel(), () -> postInThread(thread, reply));
        } else if (destination instanceof SlackDestination.ResponseUrl url) {
            delivery.start("response_url", () -> respond(url, reply));
        }
    }

    private void postInThread(SlackDestination.InThread thread, SlackReply reply) throws DeliveryFailure {
        if (methods.isEmpty()) {
            throw DeliveryFailure.permanent("SLACK_BOT_TOKEN is not set");
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
                        ? DeliveryFailure.retryable(response.getError(), null)
                        : DeliveryFailure.permanent(response.getError());
            }
        } catch (IOException e) {
            throw DeliveryFailure.retryable(e.toString(), null);
        } catch (SlackApiException e) {
            throw DeliveryFailure.ofStatus(e.getResponse().code(), e.getResponse().header("Retry-After"), e.getResponseBody());
        }
    }

    private void respond(SlackDestination.ResponseUrl url, SlackReply reply) throws DeliveryFailure {
        SlashCommandResponse response = SlashCommandResponse.builder()
                .responseType("ephemeral")
                .text(reply.text())
                .blocks(reply.blocks())
                .build();
        try {
            WebhookResponse result = responder.send(url.url(), response);
            int code = result.getCode() == null ? 0 : result.getCode();
            if (code < 200 || code >= 300) {
                throw DeliveryFailure.ofStatus(code, header(result, "Retry-After"), result.getBody());
            }
        } catch (IOException e) {
            throw DeliveryFailure.retryable(e.toString(), null);
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

    private static String header(WebhookResponse response, String name) {
        if (response.getHeaders() == null) {
            return null;
        }
        return response.getHeaders().entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0))
                .findFirst().orElse(null);
    }
}
