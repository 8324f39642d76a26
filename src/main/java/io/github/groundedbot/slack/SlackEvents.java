package io.github.groundedbot.slack;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.slack.api.app_backend.events.payload.AppMentionPayload;
import com.slack.api.app_backend.events.payload.Authorization;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.app_backend.events.payload.MessagePayload;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.util.json.GsonFactory;
import io.github.groundedbot.chat.ChatRelay;
import io.github.groundedbot.chat.SeenEvents;
import io.github.groundedbot.limits.ClientKey;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides which Events API callbacks get an answer (mentions of the bot and direct messages from
 * people), makes sure each gets exactly one, and queues it for the relay.
 */
@ApplicationScoped
public class SlackEvents {

    private static final Logger LOG = Logger.getLogger(SlackEvents.class);

    enum Outcome {
        /** Queued: the answer follows in the thread. */
        ANSWERING,
        /** Not for the bot: another bot, an edit, a message in a channel without a mention... */
        IGNORED,
        /** A retry of, or a second event for, a message already being answered. */
        DUPLICATE,
        /** The relay is full: nothing was queued and Slack should retry later. */
        BUSY
    }

    /**
     * A message the bot should answer. {@code threadTs} is where the reply goes: the thread, or the
     * message's own ts. {@code user} is who asked, whose rate the question counts against.
     */
    record Question(String eventId, String team, String user, String channel, String ts, String threadTs, String text) {
        String conversationId() {
            return "slack:" + team + ":" + channel + ":" + threadTs;
        }

        ClientKey client() {
            return SlackChannel.client(team, user);
        }
    }

    private final ChatRelay relay;
    private final SlackChannel channel;
    private final SeenEvents seen;
    private final Gson gson = GsonFactory.createSnakeCase();

    public SlackEvents(ChatRelay relay, SlackChannel channel, SeenEvents seen) {
        this.relay = relay;
        this.channel = channel;
        this.seen = seen;
    }

    /** Handles an {@code event_callback}; quick, so Slack gets its acknowledgement well within 3 seconds. */
    Outcome onEventCallback(JsonObject envelope) {
        Optional<Question> question = question(envelope);
        if (question.isEmpty()) {
            return Outcome.IGNORED;
        }
        Question q = question.get();
        String eventKey = q.eventId() == null ? null : "slack:event:" + q.eventId();
        // Slack may send both "message" and "app_mention" (different event ids) for one message.
        String messageKey = "slack:message:" + q.team() + ":" + q.channel() + ":" + q.ts();
        if (eventKey != null && !seen.firstSighting(eventKey)) {
            LOG.debugf("Slack event %s already handled", q.eventId());
            return Outcome.DUPLICATE;
        }
        if (!seen.firstSighting(messageKey)) {
            LOG.debugf("Slack message %s in %s already answered (event %s)", q.ts(), q.channel(), q.eventId());
            return Outcome.DUPLICATE;
        }
        var destination = new SlackDestination.InThread(q.channel(), q.threadTs());
        if (!relay.submit(channel, destination, q.client(), q.text(), q.conversationId())) {
            if (eventKey != null) {
                seen.forget(eventKey);
            }
            seen.forget(messageKey);
            return Outcome.BUSY;
        }
        return Outcome.ANSWERING;
    }

    /** The question in an event, when the bot should answer it. */
    Optional<Question> question(JsonObject envelope) {
        JsonObject event = object(envelope, "event");
        if (event == null) {
            return Optional.empty();
        }
        String type = string(event, "type");
        if ("app_mention".equals(type)) {
            AppMentionPayload payload = gson.fromJson(envelope, AppMentionPayload.class);
            AppMentionEvent e = payload.getEvent();
            String bot = botUserId(payload);
            if (e.getBotId() != null || e.getSubtype() != null || e.getUser() == null || e.getUser().equals(bot)) {
                return Optional.empty();
            }
            return Optional.of(new Question(payload.getEventId(), team(payload, e.getTeam()), e.getUser(),
                    e.getChannel(), e.getTs(), Objects.requireNonNullElse(e.getThreadTs(), e.getTs()),
                    SlackText.question(e.getText(), bot)));
        }
        // MessageEvent has no subtype field: subtypes (bot_message, message_changed, ...) are other
        // SDK classes, so read it from the raw JSON. None of them is a person asking.
        if ("message".equals(type) && string(event, "subtype") == null) {
            MessagePayload payload = gson.fromJson(envelope, MessagePayload.class);
            MessageEvent e = payload.getEvent();
            String bot = botUserId(payload);
            // In channels the bot answers mentions only, which arrive as app_mention.
            if (!"im".equals(e.getChannelType()) || e.getBotId() != null || e.getUser() == null
                    || e.getUser().equals(bot)) {
                return Optional.empty();
            }
            return Optional.of(new Question(payload.getEventId(), team(payload, e.getTeam()), e.getUser(),
                    e.getChannel(), e.getTs(), Objects.requireNonNullElse(e.getThreadTs(), e.getTs()),
                    SlackText.question(e.getText(), bot)));
        }
        return Optional.empty();
    }

    /** The bot's own user id: the installation the event was delivered for. */
    private static String botUserId(EventsApiPayload<?> payload) {
        List<Authorization> authorizations = payload.getAuthorizations();
        if (authorizations == null) {
            return null;
        }
        return authorizations.stream()
                .filter(a -> Boolean.TRUE.equals(a.getIsBot()))
                .map(Authorization::getUserId)
                .filter(Objects::nonNull)
                .findFirst().orElse(null);
    }

    private static String team(EventsApiPayload<?> payload, String eventTeam) {
        return payload.getTeamId() != null ? payload.getTeamId() : eventTeam;
    }

    private static JsonObject object(JsonObject json, String name) {
        JsonElement value = json.get(name);
        return value != null && value.isJsonObject() ? value.getAsJsonObject() : null;
    }

    static String string(JsonObject json, String name) {
        JsonElement value = json.get(name);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
    }
}
