package io.github.groundedbot.state;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Where shared state lives. The Redis address itself is {@code quarkus.redis.hosts}. */
@ConfigMapping(prefix = "state")
public interface StateConfig {

    enum Store { MEMORY, REDIS }

    /**
     * {@code memory}: each replica keeps its own state (zero setup, one replica). {@code redis}:
     * conversations, Slack de-duplication and rate limits are shared by every replica.
     */
    @WithDefault("memory")
    Store store();

    /** Prefix of every Redis key, so several bots can share one Redis. */
    @WithDefault("groundedbot:")
    String keyPrefix();

    /** After Redis fails, calls go to local memory for this long before Redis is tried again. */
    @WithDefault("2s")
    Duration retryAfter();
}
