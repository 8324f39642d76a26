package io.github.groundedbot.limits;

import java.time.Duration;

/**
 * Per-client question rate. The default is in memory ({@link TokenBucketRateLimiter}); several
 * instances behind a load balancer would provide a shared one (e.g. Redis) as a bean of this type.
 */
public interface RateLimiter {

    /** Counts one question for {@code client} and says whether it may be answered now. */
    Decision tryAcquire(String client);

    /** Forgets a client whose key will not come back (a closed WebSocket connection). */
    default void forget(String client) {
    }

    /** @param retryAfter when the client may ask again; zero when allowed */
    record Decision(boolean allowed, Duration retryAfter) {

        public static final Decision ALLOWED = new Decision(true, Duration.ZERO);

        /** Whole seconds, at least 1, as {@code Retry-After} wants them. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }
}
