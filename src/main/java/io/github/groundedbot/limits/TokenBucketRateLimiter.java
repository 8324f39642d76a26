package io.github.groundedbot.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket per client, in memory: {@code burst} questions at once, refilled at
 * {@code questions-per-minute}. At most {@code max-clients} buckets are kept in a Caffeine cache,
 * so a flood of addresses cannot grow memory without bound. Past the cap Caffeine drops the clients
 * least likely to come back, judged by how often and how recently each asked; a dropped client
 * starts again with a full bucket.
 */
@DefaultBean
@ApplicationScoped
public class TokenBucketRateLimiter implements RateLimiter {

    private final double capacity;
    private final double tokensPerNano;
    private final LongSupplier nanoTime;
    private final Cache<String, Bucket> buckets;

    @Inject
    public TokenBucketRateLimiter(LimitsConfig config) {
        this(config.burst(), config.questionsPerMinute(), config.maxClients(), System::nanoTime);
    }

    TokenBucketRateLimiter(int burst, int perMinute, int maxClients, LongSupplier nanoTime) {
        this.capacity = Math.max(1, burst);
        this.tokensPerNano = Math.max(1, perMinute) / 60e9;
        this.nanoTime = nanoTime;
        this.buckets = Caffeine.newBuilder().maximumSize(maxClients).executor(Runnable::run).build();
    }

    @Override
    public Decision tryAcquire(String client) {
        Bucket bucket = buckets.get(client, c -> new Bucket(capacity, nanoTime.getAsLong()));
        synchronized (bucket) { // the time is read under the lock, so each bucket sees it move forward
            return take(bucket, nanoTime.getAsLong());
        }
    }

    private Decision take(Bucket bucket, long now) {
        bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) * tokensPerNano);
        bucket.at = now;
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return Decision.ALLOWED;
        }
        return new Decision(false, Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) / tokensPerNano)));
    }

    @Override
    public void forget(String client) {
        buckets.invalidate(client);
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
