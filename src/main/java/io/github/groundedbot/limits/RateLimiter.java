package io.github.groundedbot.limits;

/**
 * Per-client question rate. The default is in memory ({@link TokenBucketRateLimiter}); with
 * {@code state.store=redis} every replica shares one ({@code state.SharedRateLimiter}).
 */
public interface RateLimiter {

    /**
     * Counts one question for {@code client} and says whether it may be answered now.
     *
     * @return {@link Decision#ALLOWED} or a {@link Decision.RateLimited}
     */
    Decision tryAcquire(String client, Rate rate);
}
