package io.github.groundedbot.mattermost;

import io.github.groundedbot.answer.Answer;
import io.github.groundedbot.chat.ChatPlatform;
import io.github.groundedbot.chat.ChatRelay;
import io.github.groundedbot.chat.SeenEvents;
import io.github.groundedbot.limits.ClientKey;
import io.github.groundedbot.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Answers Mattermost's slash command (acknowledged at once, answered through its response URL on the
 * chat relay) and outgoing webhook (answered in its HTTP response as a reply in the post's thread,
 * awaited for at most {@code mattermost.reply-timeout}).
 */
@ApplicationScoped
public class MattermostMessages implements ChatPlatform {

    static final String CHANNEL = "mattermost";
    static final String LOOKING = "Looking that up…";
    static final String USAGE = "Ask me a question and I'll answer from my fact base, with sources, e.g. "
            + "`/ask What can you answer?`";

    private final MattermostSettings settings;
    private final ChatRelay relay;
    private final MattermostChannel channel;
    private final SeenEvents seen;

    public MattermostMessages(MattermostSettings settings, ChatRelay relay, MattermostChannel channel, SeenEvents seen) {
        this.settings = settings;
        this.relay = relay;
        this.channel = channel;
        this.seen = seen;
    }

    /** The immediate reply to {@code /ask}, shown to the asker only; the answer follows in the channel. */
    MattermostPost onCommand(MattermostRequest request) {
        checkToken(settings.commands(), "The slash command", "MATTERMOST_COMMAND_TOKEN (mattermost.command-token)",
                request.token());
        if (request.triggerId() != null && !seen.firstSighting("mattermost:command:" + request.triggerId())) {
            throw replay();
        }
        String question = request.text() == null ? "" : request.text().strip();
        if (question.isEmpty()) {
            return MattermostReplies.plain(USAGE, MattermostPost.EPHEMERAL);
        }
        MattermostDestination destination = new MattermostDestination(responseUrl(request.responseUrl()));
        requireIds(request);
        boolean queued = relay.submit(channel, destination, client(request), question, request.conversationId());
        if (!queued && request.triggerId() != null) {
            seen.forget("mattermost:command:" + request.triggerId());
        }
        return MattermostReplies.plain(queued ? LOOKING : ChatRelay.BUSY_TEXT, MattermostPost.EPHEMERAL);
    }

    /** The reply to a post that started with the trigger word, as a comment in its thread. */
    MattermostPost onWebhook(MattermostRequest request) {
        checkToken(settings.webhook(), "The outgoing webhook", "MATTERMOST_WEBHOOK_TOKEN (mattermost.webhook-token)",
                request.token());
        if (request.postId() == null || request.postId().isBlank()) {
            throw malformed("The call has no post_id.");
        }
        if (!seen.firstSighting("mattermost:post:" + request.postId())) {
            throw replay();
        }
        requireIds(request);
        String question = withoutTriggerWord(request.text(), request.triggerWord());
        if (question.isEmpty()) {
            return MattermostReplies.plain(USAGE, MattermostPost.COMMENT);
        }
        Answer answer = relay.answerWithin(CHANNEL, client(request), question, request.conversationId(), settings.replyTimeout());
        return MattermostReplies.render(answer, MattermostPost.COMMENT);
    }

    /** A Mattermost user, whose questions share one rate wherever they ask. */
    private static ClientKey client(MattermostRequest request) {
        return new ClientKey.ChatUser(CHANNEL, request.teamId() + ":" + request.userId());
    }

    static String withoutTriggerWord(String text, String triggerWord) {
        String plain = text == null ? "" : text.strip();
        if (triggerWord != null && !triggerWord.isBlank() && plain.startsWith(triggerWord)) {
            plain = plain.substring(triggerWord.length()).strip();
        }
        return plain;
    }

    /** Compares in constant time, so the time taken tells nothing about how much of the token was right. */
    private static void checkToken(Optional<String> expected, String what, String setting, String given) {
        String token = expected.orElseThrow(() -> new ProblemException(503, "Mattermost is not configured",
                what + " is off: set " + setting + " to the token Mattermost shows for it."));
        if (given == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                given.strip().getBytes(StandardCharsets.UTF_8))) {
            throw new ProblemException(401, "Invalid Mattermost request", "The token is missing or wrong.");
        }
    }

    private static URI responseUrl(String url) {
        if (url != null && (url.startsWith("https://") || url.startsWith("http://"))) {
            try {
                return new URI(url);
            } catch (URISyntaxException e) {
                // reported below
            }
        }
        throw malformed("The command has no response_url to answer to.");
    }

    private static void requireIds(MattermostRequest request) {
        if (blank(request.teamId()) || blank(request.channelId()) || blank(request.userId())) {
            throw malformed("The call lacks its team_id, channel_id or user_id.");
        }
    }

    @Override
    public String displayName() {
        return "Mattermost";
    }

    @Override
    public boolean on() {
        return settings.commands().isPresent() || settings.webhook().isPresent();
    }

    @Override
    public String howToTurnOn() {
        return "set MATTERMOST_COMMAND_TOKEN and/or MATTERMOST_WEBHOOK_TOKEN";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static ProblemException replay() {
        return new ProblemException(409, "Already answered", "This Mattermost message was answered already.");
    }

    private static ProblemException malformed(String detail) {
        return new ProblemException(400, "Malformed Mattermost request", detail);
    }
}
