package io.github.groundedbot.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How far the time a platform signs into a request may be from the server's clock, either way: an
 * older request is a replay, a newer one a forgery or a broken clock.
 */
public final class SignedTime {

    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private SignedTime() {
    }

    /** True when {@code sent} is within {@link #MAX_CLOCK_SKEW} of now. */
    public static boolean isFresh(Instant sent, Clock clock) {
        return Duration.between(sent, clock.instant()).abs().compareTo(MAX_CLOCK_SKEW) <= 0;
    }
}
