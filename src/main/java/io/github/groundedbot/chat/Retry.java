package io.github.groundedbot.chat;

import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Sending a reply to a platform: tries and waits between them (doubling, the platform's
 * Retry-After when longer). The waits are timers: no thread sleeps through them.
 */
public interface Retry {

    /** Tries in all, the first included. */
    @WithDefault("4")
    int maxAttempts();

    /** Wait before the second try; doubles after each further failure. */
    @WithDefault("500ms")
    Duration initialBackoff();

    /** Longest wait between two tries, whatever the platform's Retry-After says. */
    @WithDefault("10s")
    Duration maxBackoff();

    /** Random spread added to or taken from each wait, so replies that failed together do not retry in step. */
    @WithDefault("100ms")
    Duration jitter();

    /** Longest one try may take, the HTTP call included; a try that takes longer fails and is retried. */
    @WithDefault("10s")
    Duration attemptTimeout();
}
