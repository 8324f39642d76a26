package io.github.groundedbot.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import io.github.groundedbot.chat.ChatRelay;
import io.github.groundedbot.chat.SeenEvents;
import io.github.groundedbot.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The {@code /ask} slash command: acknowledged at once, answered later through its response_url.
 * Each command is taken on once: Slack gives every invocation its own {@code trigger_id}, so a
 * replayed request (same signed body, within the signature's five minutes) is acknowledged again
 * but not answered again.
 */
@ApplicationScoped
public class SlackCommands {

    private static final Logger LOG = Logger.getLogger(SlackCommands.class);

    static final String LOOKING = "Looking that up…";

    private final ChatRelay relay;
    private final SlackChannel channel;
    private final SeenEvents seen;

    public SlackCommands(ChatRelay relay, SlackChannel channel, SeenEvents seen) {
        this.relay = relay;
        this.channel = channel;
        this.seen = seen;
    }

    /** The immediate, ephemeral reply; Slack shows it only to the person who typed the command. */
    SlashCommandResponse onCommand(SlashCommandPayload command) {
        String question = SlackText.plain(command.getText());
        if (question.isEmpty()) {
            return ephemeral(usage(command.getCommand()));
        }
        String url = command.getResponseUrl();
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            throw new ProblemException(400, "Invalid slash command", "The command has no response_url to answer to.");
        }
        String trigger = command.getTriggerId();
        if (trigger == null || trigger.isBlank()) {
            throw new ProblemException(400, "Invalid slash command", "The command has no trigger_id.");
        }
        String key = "slack:command:" + command.getTeamId() + ":" + trigger;
        if (!seen.firstSighting(key)) {
            LOG.debugf("Slack command %s already taken on", trigger);
            return ephemeral(LOOKING);
        }
        // One conversation per person and channel, so a follow-up /ask keeps its context.
        String conversationId = "slack:" + command.getTeamId() + ":" + command.getChannelId() + ":command:"
                + command.getUserId();
        if (!relay.submit(channel, new SlackDestination.ResponseUrl(url),
                SlackChannel.client(command.getTeamId(), command.getUserId()), question, conversationId)) {
            seen.forget(key); // nothing was queued: the person may send it again
            return ephemeral(ChatRelay.BUSY_TEXT);
        }
        return ephemeral(LOOKING);
    }

    static String usage(String command) {
        String name = command == null || command.isBlank() ? "/ask" : command;
        return "Ask me a question and I'll answer from my fact base, with sources: `" + name
                + " <your question>`, e.g. `" + name + " What can you answer?`";
    }

    private static SlashCommandResponse ephemeral(String text) {
        return SlashCommandResponse.builder().responseType("ephemeral").text(text).build();
    }
}
