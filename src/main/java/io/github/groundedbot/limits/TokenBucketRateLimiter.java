package io.github.groundedbot.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket per client, in memory: {@code burst} questions at once, refilled at the rate's
 * questions per minute. At most {@code limits.max-clients} buckets are kept in a Caffeine cache, so a
 * flood of addresses cannot grow memory without bound. Past the cap Caffeine drops the clients least
 * likely to come back, judged by how often and how recently each asked; a dropped client starts again
 * with a full bucket.
 */
@DefaultBean
@ApplicationScoped
public class TokenBucketRateLimiter implements RateLimiter {

    private static final double NANOS_PER_MINUTE = 60e9;

    private final LongSupplier nanoTime;
    private final Cache<String, Bucket> buckets;

    @Inject
    public TokenBucketRateLimiter(LimitsConfig config) {
        this(config.maxClients(), System::nanoTime);
    }

    TokenBucketRateLimiter(int maxClients, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.buckets = Caffeine.newBuilder().maximumSize(maxClients).executor(Runnable::run).build();
    }

    @Override
    public Decision tryAcquire(String client, Rate rate) {
        Bucket bucket = buckets.get(client, c -> new Bucket(rate.burst(), nanoTime.getAsLong()));
        synchronized (bucket) { // the time is read under the lock, so each bucket sees it move forward
            return take(bucket, rate, nanoTime.getAsLong());
        }
    }

    private static Decision take(Bucket bucket, Rate rate, long now) {
        double capacity = rate.burst();
        double tokensPerNano = rate.perMinute() / NANOS_PER_MINUTE;
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
