package io.github.groundedbot.slack;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.slack.api.Slack;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.socket_mode.impl.SocketModeClientJavaWSImpl;
import com.slack.api.socket_mode.queue.impl.ConcurrentLinkedMessageQueue;
import com.slack.api.socket_mode.request.EventsApiEnvelope;
import com.slack.api.socket_mode.request.SlashCommandsEnvelope;
import com.slack.api.socket_mode.response.AckResponse;
import com.slack.api.socket_mode.response.SocketModeResponse;
import com.slack.api.util.json.GsonFactory;
import io.github.groundedbot.chat.ChatPlatform;
import io.github.groundedbot.concurrent.DaemonThreads;
import io.github.groundedbot.problem.ProblemException;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Slack over Socket Mode: with the app-level token the bot opens a WebSocket to Slack itself, so
 * Slack needs no public URL. The Slack SDK's client speaks the protocol (envelopes,
 * acknowledgements, and Slack's {@code disconnect} messages, {@code refresh_requested} among them,
 * after which it moves to a new connection); mentions, DMs and {@code /ask} go to the same
 * {@link SlackEvents} and {@link SlackCommands} as over HTTP, so they are answered, and answered
 * once, alike: an event Slack sends again on a new connection is remembered by its event id.
 * <p>
 * One watcher thread opens the first connection, checks it with a ping every
 * {@code slack.socket-mode.check-interval}, and replaces one that dropped, waiting longer after each
 * failed try ({@link ReconnectBackoff}).
 */
@ApplicationScoped
public class SlackSocketMode implements ChatPlatform {

    private static final Logger LOG = Logger.getLogger(SlackSocketMode.class);
    /** Handling an envelope only queues its question, so one SDK message thread keeps up. */
    private static final int MESSAGE_THREADS = 1;
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    /** The acknowledgement of a slash command, carrying the immediate reply Slack shows the asker. */
    private record CommandAck(String envelopeId, SlashCommandResponse payload) implements SocketModeResponse {
        @Override
        public String getEnvelopeId() {
            return envelopeId;
        }
    }

    private final SlackSettings settings;
    private final SlackChannel channel;
    private final SlackEvents events;
    private final SlackCommands commands;
    private final ReconnectBackoff backoff;
    private final Gson gson = GsonFactory.createSnakeCase();
    private ScheduledExecutorService watcher;
    /** Set and replaced on the watcher thread only; read by the SDK's message thread to acknowledge. */
    private volatile SocketModeClient client;
    private int failures;

    public SlackSocketMode(SlackSettings settings, SlackChannel channel, SlackEvents events, SlackCommands commands) {
        this.settings = settings;
        this.channel = channel;
        this.events = events;
        this.commands = commands;
        this.backoff = new ReconnectBackoff(settings.socketMode());
    }

    @Override
    public String displayName() {
        return "Slack Socket Mode";
    }

    @Override
    public boolean on() {
        return settings.socketModeToken().isPresent();
    }

    @Override
    public String howToTurnOn() {
        return "set SLACK_APP_TOKEN and SLACK_BOT_TOKEN";
    }

    /**
     * Runs after the default-priority startup observers, the fact base's indexing among them, so no
     * question arrives before the bot can answer it.
     */
    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) StartupEvent event) {
        if (!on()) {
            return;
        }
        if (settings.token().isEmpty()) {
            LOG.warn("Slack Socket Mode: SLACK_BOT_TOKEN is not set, so /ask works but mentions and DMs go unanswered");
        }
        watcher = Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory("slack-socket-mode"));
        watcher.execute(this::watch);
    }

    /** One round of the watcher: connects when there is no live connection, then schedules the next round. */
    private void watch() {
        Duration next;
        try {
            if (client != null && client.verifyConnection()) {
                if (failures > 0) {
                    LOG.info("Slack Socket Mode: connected");
                }
                failures = 0;
                next = settings.socketMode().checkInterval();
            } else {
                failures++;
                connect();
                // The handshake goes on in the background: give it a whole check interval before judging it.
                next = max(settings.socketMode().checkInterval(), backoff.after(failures));
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            next = backoff.after(failures);
            LOG.warnf("Slack Socket Mode: connecting failed (%d in a row), next try in %d ms: %s", failures,
                    next.toMillis(), e.getMessage());
        }
        try {
            watcher.schedule(this::watch, next.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("Slack Socket Mode: stopping");
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Asks Slack for a connection URL (apps.connections.open) and opens it. */
    private void connect() throws IOException, URISyntaxException {
        if (client != null) {
            client.connectToNewEndpoint(); // closes the old connection once the new one is asked for
            return;
        }
        Slack slack = channel.client();
        String token = settings.socketModeToken().orElseThrow();
        // The SDK's own session monitor is off: the watcher does its job, with a growing wait.
        SocketModeClient created = new SocketModeClientJavaWSImpl(slack, token, slack.issueSocketModeUrl(token),
                MESSAGE_THREADS, new ConcurrentLinkedMessageQueue(), false, false, 0);
        created.addEventsApiEnvelopeListener(this::onEvents);
        created.addSlashCommandsEnvelopeListener(this::onCommand);
        client = created;
        created.connect();
    }

    /**
     * An Events API envelope: handed to {@link SlackEvents} as the HTTP request's body would be, then
     * acknowledged. When the relay is full it is left unacknowledged, so Slack sends it again later,
     * as the 503 over HTTP does.
     */
    private void onEvents(EventsApiEnvelope envelope) {
        SlackEvents.Outcome outcome = SlackEvents.Outcome.IGNORED;
        JsonElement payload = envelope.getPayload();
        if (payload != null && payload.isJsonObject()
                && "event_callback".equals(SlackEvents.string(payload.getAsJsonObject(), "type"))) {
            try {
                outcome = events.onEventCallback(payload.getAsJsonObject());
            } catch (JsonParseException e) { // a field of an unexpected JSON type
                LOG.debugf("Slack Socket Mode: ignoring a malformed event in envelope %s", envelope.getEnvelopeId());
            }
        }
        if (outcome == SlackEvents.Outcome.BUSY) {
            LOG.debugf("Slack Socket Mode: busy, leaving envelope %s for Slack to send again",
                    envelope.getEnvelopeId());
            return;
        }
        acknowledge(envelope.getEnvelopeId(), AckResponse.builder().envelopeId(envelope.getEnvelopeId()).build());
    }

    /** A slash command envelope: acknowledged with the reply the HTTP endpoint would have sent. */
    private void onCommand(SlashCommandsEnvelope envelope) {
        SocketModeResponse ack = AckResponse.builder().envelopeId(envelope.getEnvelopeId()).build();
        JsonElement payload = envelope.getPayload();
        try {
            if (payload != null && payload.isJsonObject()) {
                SlashCommandPayload command = gson.fromJson(payload, SlashCommandPayload.class);
                ack = new CommandAck(envelope.getEnvelopeId(), commands.onCommand(command));
            }
        } catch (JsonParseException | ProblemException e) {
            LOG.debugf("Slack Socket Mode: ignoring a malformed command in envelope %s: %s", envelope.getEnvelopeId(),
                    e.getMessage());
        }
        acknowledge(envelope.getEnvelopeId(), ack);
    }

    private void acknowledge(String envelopeId, SocketModeResponse ack) {
        if (envelopeId == null || envelopeId.isBlank()) {
            LOG.debug("Slack Socket Mode: an envelope without an id cannot be acknowledged");
            return;
        }
        try {
            client.sendSocketModeResponse(ack);
        } catch (RuntimeException e) { // the connection closed meanwhile
            LOG.warnf("Slack Socket Mode: could not acknowledge envelope %s, so Slack will send it again: %s",
                    envelopeId, e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        if (watcher == null) {
            return;
        }
        watcher.shutdownNow();
        try {
            watcher.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (client != null) {
            try {
                client.close();
            } catch (IOException | RuntimeException e) {
                LOG.debug("Slack Socket Mode: closing the connection failed", e);
            }
        }
    }
}
