package io.github.groundedbot.mattermost;

import io.github.groundedbot.chat.Retry;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * Mattermost's slash command and outgoing webhook. Each is off unless its token is set; its
 * endpoint then answers 503.
 */
@ConfigMapping(prefix = "mattermost")
public interface MattermostSettings {

    /** The slash command's token (env {@code MATTERMOST_COMMAND_TOKEN}); every {@code /ask} must carry it. */
    Optional<String> commandToken();

    /** The outgoing webhook's token (env {@code MATTERMOST_WEBHOOK_TOKEN}); every webhook call must carry it. */
    Optional<String> webhookToken();

    /**
     * How long a question from the outgoing webhook may take before the reply says to ask again: the
     * reply goes in the webhook's HTTP response, and Mattermost waits for it 30 seconds by default.
     */
    @WithDefault("10s")
    Duration replyTimeout();

    /** Posting a slash command's answer to its response URL. */
    Retry retry();

    /** The slash command token when one is set and not blank. */
    default Optional<String> commands() {
        return commandToken().filter(s -> !s.isBlank());
    }

    /** The outgoing webhook token when one is set and not blank. */
    default Optional<String> webhook() {
        return webhookToken().filter(s -> !s.isBlank());
    }
}
