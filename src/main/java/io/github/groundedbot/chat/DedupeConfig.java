package io.github.groundedbot.chat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Remembering the chat-platform events already handled, so retries and replays never produce a second reply. */
@ConfigMapping(prefix = "chat.dedupe")
public interface DedupeConfig {

    /**
     * How long an event is remembered: longer than any platform retries (Slack: about half an hour)
     * and than a signed request stays fresh (5 minutes).
     */
    @WithDefault("1h")
    Duration ttl();

    /** Most events remembered at once, over all platforms (the oldest go first). */
    @WithDefault("100000")
    int maxEntries();
}
