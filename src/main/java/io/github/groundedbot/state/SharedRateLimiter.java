package io.github.groundedbot.state;

import io.github.groundedbot.limits.LimitsConfig;
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
    private final LimitsConfig config;
    private final Clock clock;

    public SharedRateLimiter(Redis redis, TokenBucketRateLimiter memory, LimitsConfig config, Clock clock) {
        this.redis = redis;
        this.memory = memory;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public Decision tryAcquire(String client) {
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
                .map(count -> count <= allowance() ? Decision.ALLOWED
                        : new Decision(false, Duration.ofMillis((window + 1) * WINDOW_MILLIS - now)))
                .orElseGet(() -> memory.tryAcquire(client));
    }

    /** A minute's worth: the sustained rate, or the burst if that is larger. */
    private long allowance() {
        return Math.max(config.questionsPerMinute(), config.burst());
    }

    @Override
    public void forget(String client) {
        memory.forget(client);
    }
}
