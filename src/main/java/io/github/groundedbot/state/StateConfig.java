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
     * conversations, chat-platform de-duplication and rate limits are shared by every replica.
     */
    @WithDefault("memory")
    Store store();

    /** Prefix of every Redis key, so several bots can share one Redis. */
    @WithDefault("groundedbot:")
    String keyPrefix();

    /**
     * Longest one Redis call may take; a slower one counts as failed and the caller uses local
     * memory. Redis answers in about a millisecond, so this only has to cover a busy network and
     * the first connection (TLS included).
     */
    @WithDefault("250ms")
    Duration timeout();

    /**
     * How many recent calls the circuit breaker judges: when half of them failed (or timed out) it
     * opens, and calls go to local memory without waiting on Redis.
     */
    @WithDefault("4")
    int breakerWindow();

    /** How long the circuit breaker stays open before one call tries Redis again. */
    @WithDefault("2s")
    Duration retryAfter();
}
