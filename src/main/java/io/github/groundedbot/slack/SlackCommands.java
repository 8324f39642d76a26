package io.github.groundedbot.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import io.github.groundedbot.chat.ChatRelay;
import io.github.groundedbot.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

/** The {@code /ask} slash command: acknowledged at once, answered later through its response_url. */
@ApplicationScoped
public class SlackCommands {

    static final String LOOKING = "Looking that up…";
    static final String BUSY = "I'm answering a lot of questions right now; please try again in a minute.";

    private final ChatRelay relay;
    private final SlackChannel channel;

    public SlackCommands(ChatRelay relay, SlackChannel channel) {
        this.relay = relay;
        this.channel = channel;
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
        // One conversation per person and channel, so a follow-up /ask keeps its context.
        String conversationId = "slack:" + command.getTeamId() + ":" + command.getChannelId() + ":command:"
                + command.getUserId();
        boolean queued = relay.submit(channel, new SlackDestination.ResponseUrl(url), question, conversationId);
        return ephemeral(queued ? LOOKING : BUSY);
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
