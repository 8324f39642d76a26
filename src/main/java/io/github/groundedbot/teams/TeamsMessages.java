package io.github.groundedbot.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.groundedbot.answer.Answer;
import io.github.groundedbot.chat.ChatPlatform;
import io.github.groundedbot.chat.ChatRelay;
import io.github.groundedbot.chat.SeenEvents;
import io.github.groundedbot.chat.SignedTime;
import io.github.groundedbot.limits.ClientKey;
import io.github.groundedbot.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Answers a Teams outgoing webhook in its own HTTP response, which is the only way an outgoing
 * webhook can reply: the question is answered on the chat relay's workers and awaited for at most
 * {@code teams.reply-timeout}, so Teams gets its reply within its time limit.
 */
@ApplicationScoped
public class TeamsMessages implements ChatPlatform {

    private static final Logger LOG = Logger.getLogger(TeamsMessages.class);
    static final String CHANNEL = "teams";
    static final String USAGE = "Mention me with a question and I'll answer from my fact base, with sources.";

    private final TeamsSettings settings;
    private final ChatRelay relay;
    private final SeenEvents seen;
    private final ObjectMapper json;
    private final Clock clock;
    private final Optional<TeamsSignatureVerifier> verifier;
    private final String off;

    public TeamsMessages(TeamsSettings settings, ChatRelay relay, SeenEvents seen, ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.relay = relay;
        this.seen = seen;
        this.json = json;
        this.clock = clock;
        Optional<TeamsSignatureVerifier> verifier = Optional.empty();
        String off = "set TEAMS_SECURITY_TOKEN (teams.security-token) to the outgoing webhook's security token";
        if (settings.token().isPresent()) {
            try {
                verifier = Optional.of(new TeamsSignatureVerifier(settings.token().get()));
            } catch (IllegalArgumentException e) {
                off = "TEAMS_SECURITY_TOKEN is not base64: paste the security token exactly as Teams showed it";
                LOG.error("Teams stays off: " + off);
            }
        }
        this.verifier = verifier;
        this.off = off;
    }

    /**
     * Verifies, reads and answers one request.
     *
     * @return the reply; empty for an activity that is not a person's message
     * @throws ProblemException 503 when Teams is off, 401 for a bad signature or a stale timestamp,
     *                          409 for a replay, 400 for a body that is not an activity
     */
    Optional<TeamsReply> onRequest(String authorization, byte[] body) {
        verifier.orElseThrow(() -> new ProblemException(503, "Teams is not configured", capitalized(off) + "."))
                .verify(authorization, body);
        TeamsActivity activity = parse(body);
        checkFresh(activity.timestamp());
        if (activity.id() == null || activity.id().isBlank()) {
            throw malformed("The activity has no id.");
        }
        if (!seen.firstSighting("teams:activity:" + activity.id())) {
            throw new ProblemException(409, "Already answered", "This Teams message was answered already.");
        }
        if (!TeamsReply.MESSAGE.equals(activity.type()) || activity.from() == null || activity.from().isBot()) {
            LOG.debugf("Ignoring a Teams activity of type %s", activity.type());
            return Optional.empty();
        }
        if (activity.conversation() == null || activity.conversation().id() == null
                || activity.conversation().id().isBlank()) {
            throw malformed("The message has no conversation id.");
        }
        String question = TeamsText.question(activity.text());
        if (question.isEmpty()) {
            return Optional.of(TeamsReply.text(USAGE));
        }
        // The conversation id names the reply chain, so a reply in the chain is a follow-up.
        Answer answer = relay.answerWithin(CHANNEL,
                new ClientKey.ChatUser(CHANNEL, String.valueOf(activity.from().id())), question, activity.conversation().id(), settings.replyTimeout());
        return Optional.of(TeamsReplies.render(answer));
    }

    private TeamsActivity parse(byte[] body) {
        TeamsActivity activity;
        try {
            activity = json.readValue(body, TeamsActivity.class);
        } catch (IOException e) { // not JSON, or a field of the wrong JSON type
            throw malformed("The body is not a Bot Framework activity.");
        }
        if (activity == null) {
            throw malformed("The body is not a Bot Framework activity.");
        }
        return activity;
    }

    /** The timestamp is inside the signed body: a captured request cannot be replayed after a few minutes. */
    private void checkFresh(String timestamp) {
        if (timestamp == null) {
            throw stale("The activity has no timestamp.");
        }
        try {
            if (!SignedTime.isFresh(OffsetDateTime.parse(timestamp).toInstant(), clock)) {
                throw stale("The activity's timestamp is more than 5 minutes away from the server's clock.");
            }
        } catch (DateTimeParseException e) {
            throw stale("The activity's timestamp is not an ISO 8601 time.");
        }
    }

    @Override
    public String displayName() {
        return "Microsoft Teams";
    }

    @Override
    public boolean on() {
        return verifier.isPresent();
    }

    @Override
    public String howToTurnOn() {
        return off;
    }

    private static ProblemException malformed(String detail) {
        return new ProblemException(400, "Malformed Teams message", detail);
    }

    private static ProblemException stale(String detail) {
        return new ProblemException(401, "Invalid Teams request", detail);
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
