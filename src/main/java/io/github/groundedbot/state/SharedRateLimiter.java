package io.github.groundedbot.state;

import io.github.groundedbot.limits.Decision;
import io.github.groundedbot.limits.Rate;
import io.github.groundedbot.limits.RateLimiter;
import io.github.groundedbot.limits.TokenBucketRateLimiter;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.time.Clock;
import java.time.Duration;

/**
 * Question rate limits shared by every replica when {@code state.store=redis}: a counter per client
 * and minute ({@code INCR}, expiring with its minute), so a client's limit holds wherever the load
 * balancer sends it. A fixed window is coarser than the in-memory token bucket (a client may spend
 * a minute's allowance at the edge of two windows) but needs one atomic command per question. In
 * local memory when Redis is off or unreachable.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class SharedRateLimiter implements RateLimiter {

    private static final long WINDOW_MILLIS = 60_000;

    private final Redis redis;
    private final TokenBucketRateLimiter memory;
    private final Clock clock;

    public SharedRateLimiter(Redis redis, TokenBucketRateLimiter memory, Clock clock) {
        this.redis = redis;
        this.memory = memory;
        this.clock = clock;
    }

    @Override
    public Decision tryAcquire(String client, Rate rate) {
        long now = clock.millis();
        long window = now / WINDOW_MILLIS;
        String key = redis.key("rate:" + client + ":" + window);
        return redis.call(ds -> {
                    long count = ds.value(Long.class).incr(key);
                    if (count == 1) {
                        ds.key(String.class).pexpire(key, WINDOW_MILLIS * 2);
                    }
                    return count;
                })
                .map(count -> count <= allowance(rate) ? Decision.ALLOWED
                        : new Decision.RateLimited(Duration.ofMillis((window + 1) * WINDOW_MILLIS - now)))
                .orElseGet(() -> memory.tryAcquire(client, rate));
    }

    /** A minute's worth: the sustained rate, or the burst if that is larger. */
    private static long allowance(Rate rate) {
        return Math.max(rate.perMinute(), rate.burst());
    }
}
