package io.github.groundedbot.conversation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How much of each conversation is remembered, and for how long. */
@ConfigMapping(prefix = "conversation")
public interface ConversationConfig {

    /** Turns remembered per conversation; follow-ups look at the most recent ones. */
    @WithDefault("6")
    int maxTurns();

    /** A conversation idle this long is forgotten; its id then starts a fresh conversation. */
    @WithDefault("30m")
    Duration idleExpiry();

    /**
     * Most live conversations, so memory stays flat. Past it some are dropped: with Redis the least
     * recently active, in memory those Caffeine judges least likely to be used again.
     */
    @WithDefault("10000")
    int maxConversations();
}
