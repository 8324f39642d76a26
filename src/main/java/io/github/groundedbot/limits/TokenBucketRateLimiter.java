package io.github.groundedbot.limits;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per client, in memory: {@code burst} questions at once, refilled at the rate's
 * questions per minute. At most {@code limits.max-clients} buckets are kept (least recently used
 * dropped), so a flood of addresses cannot grow memory without bound; a dropped client simply
 * starts again with a full bucket.
 */
@DefaultBean
@ApplicationScoped
public class TokenBucketRateLimiter implements RateLimiter {

    private static final double NANOS_PER_MINUTE = 60e9;

    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets;

    @Inject
    public TokenBucketRateLimiter(LimitsConfig config) {
        this(config.maxClients(), System::nanoTime);
    }

    TokenBucketRateLimiter(int maxClients, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxClients;
            }
        };
    }

    @Override
    public synchronized Decision tryAcquire(String client, Rate rate) {
        long now = nanoTime.getAsLong();
        double capacity = rate.burst();
        double tokensPerNano = rate.perMinute() / NANOS_PER_MINUTE;
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(capacity, now));
        bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) * tokensPerNano);
        bucket.at = now;
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return Decision.ALLOWED;
        }
        return new Decision.RateLimited(Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) / tokensPerNano)));
    }

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }
}
