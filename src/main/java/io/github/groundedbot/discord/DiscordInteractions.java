package io.github.groundedbot.discord;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.groundedbot.chat.ChatPlatform;
import io.github.groundedbot.chat.ChatRelay;
import io.github.groundedbot.chat.SeenEvents;
import io.github.groundedbot.limits.ClientKey;
import io.github.groundedbot.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

/**
 * Answers Discord interactions: {@code PING} with {@code PONG}, and the {@code /ask} command with a
 * deferred reply at once ("thinking…"), which {@link DiscordChannel} edits into the answer when the
 * chat relay has it, well within the 15 minutes the interaction's token lasts.
 */
@ApplicationScoped
public class DiscordInteractions implements ChatPlatform {

    private static final Logger LOG = Logger.getLogger(DiscordInteractions.class);
    static final String COMMAND = "ask";
    static final String QUESTION_OPTION = "question";
    static final int PONG = 1;
    static final int CHANNEL_MESSAGE = 4;
    static final int DEFERRED_CHANNEL_MESSAGE = 5;
    static final String USAGE = "Ask me a question and I'll answer from my fact base, with sources: "
            + "`/ask question: What can you answer?`";
    static final String PEOPLE_ONLY = "I answer people, not bots.";

    /** An interaction response: its type and, for a message, the message. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Response(int type, DiscordMessage data) {
    }

    private final ChatRelay relay;
    private final DiscordChannel channel;
    private final SeenEvents seen;
    private final ObjectMapper json;
    private final Optional<DiscordSignatureVerifier> verifier;
    private final String off;

    public DiscordInteractions(DiscordSettings settings, ChatRelay relay, DiscordChannel channel, SeenEvents seen,
                               ObjectMapper json, Clock clock) {
        this.relay = relay;
        this.channel = channel;
        this.seen = seen;
        this.json = json;
        Optional<DiscordSignatureVerifier> verifier = Optional.empty();
        String off = "set DISCORD_PUBLIC_KEY (discord.public-key) to the application's public key";
        if (settings.key().isPresent()) {
            try {
                verifier = Optional.of(new DiscordSignatureVerifier(settings.key().get(), clock));
            } catch (IllegalArgumentException e) {
                off = "DISCORD_PUBLIC_KEY is not an Ed25519 public key: paste the 64 hex digits the Developer Portal shows";
                LOG.error("Discord stays off: " + off);
            }
        }
        this.verifier = verifier;
        this.off = off;
    }

    /**
     * Verifies, reads and answers one interaction.
     *
     * @throws ProblemException 503 when Discord is off, 401 for a bad signature or a stale timestamp,
     *                          409 for a replay, 400 for a body that is not an interaction the bot takes
     */
    Response onRequest(String signature, String timestamp, byte[] body) {
        verifier.orElseThrow(() -> new ProblemException(503, "Discord is not configured",
                Character.toUpperCase(off.charAt(0)) + off.substring(1) + ".")).verify(signature, timestamp, body);
        DiscordInteraction interaction = parse(body);
        if (interaction.type() == DiscordInteraction.PING) {
            return new Response(PONG, null);
        }
        if (interaction.type() != DiscordInteraction.APPLICATION_COMMAND) {
            throw malformed("Interactions of type " + interaction.type() + " are not taken here.");
        }
        if (blank(interaction.id()) || blank(interaction.applicationId()) || blank(interaction.token())
                || blank(interaction.channelId())) {
            throw malformed("The interaction lacks its id, application id, token or channel id.");
        }
        if (!seen.firstSighting("discord:interaction:" + interaction.id())) {
            throw new ProblemException(409, "Already answered", "This Discord interaction was answered already.");
        }
        Optional<DiscordInteraction.User> user = interaction.invoker().filter(u -> !blank(u.id()));
        if (user.isEmpty() || user.get().bot()) {
            return message(PEOPLE_ONLY);
        }
        if (interaction.data() == null || !COMMAND.equals(interaction.data().name())) {
            return message(USAGE);
        }
        String question = interaction.option(QUESTION_OPTION).map(String::strip).orElse("");
        if (question.isEmpty()) {
            return message(USAGE);
        }
        // One conversation per person and channel; a thread is a channel of its own, so a thread keeps its conversation.
        String conversationId = Optional.ofNullable(interaction.guildId()).orElse("dm") + ":"
                + interaction.channelId() + ":" + user.get().id();
        var destination = new DiscordDestination(interaction.applicationId(), interaction.token());
        if (!relay.submit(channel, destination, new ClientKey.ChatUser(channel.name(), user.get().id()), question,
                conversationId)) {
            seen.forget("discord:interaction:" + interaction.id());
            return message(ChatRelay.BUSY_TEXT);
        }
        return new Response(DEFERRED_CHANNEL_MESSAGE, null);
    }

    private DiscordInteraction parse(byte[] body) {
        DiscordInteraction interaction;
        try {
            interaction = json.readValue(body, DiscordInteraction.class);
        } catch (IOException e) { // not JSON, or a field of the wrong JSON type
            throw malformed("The body is not a Discord interaction.");
        }
        if (interaction == null) {
            throw malformed("The body is not a Discord interaction.");
        }
        return interaction;
    }

    /** An immediate reply only the asker sees. */
    private static Response message(String text) {
        return new Response(CHANNEL_MESSAGE, DiscordMessage.ephemeral(text));
    }

    @Override
    public String displayName() {
        return "Discord";
    }

    @Override
    public boolean on() {
        return verifier.isPresent();
    }

    @Override
    public String howToTurnOn() {
        return off;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static ProblemException malformed(String detail) {
        return new ProblemException(400, "Malformed Discord interaction", detail);
    }
}
