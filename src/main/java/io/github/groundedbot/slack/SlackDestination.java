package io.github.groundedbot.slack;

/** Where a Slack answer goes. */
public sealed interface SlackDestination {

    /** A reply in a conversation's thread, posted with {@code chat.postMessage}. */
    record InThread(String channel, String threadTs) implements SlackDestination {
    }

    /** A slash command's {@code response_url}, valid for 30 minutes; the answer is shown to the asker only. */
    record ResponseUrl(String url) implements SlackDestination {
    }
}
