package io.github.groundedbot.limits;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketRateLimiterTest {

    private static final Rate ONE_PER_TEN_SECONDS = new Rate(6, 3);

    private final AtomicLong now = new AtomicLong();
    private final TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(2, now::get);

    @Test
    void aBurstThenTheSustainedRate() {
        for (int i = 0; i < 3; i++) {
            assertThat(acquire("a")).isEqualTo(Decision.ALLOWED);
        }
        assertThat(acquire("a")).isInstanceOfSatisfying(Decision.RateLimited.class,
                denied -> assertThat(denied.retryAfterSeconds()).isEqualTo(10));

        now.addAndGet(TimeUnit.SECONDS.toNanos(4));
        assertThat(acquire("a")).isInstanceOfSatisfying(Decision.RateLimited.class,
                denied -> assertThat(denied.retryAfterSeconds()).isEqualTo(6));
        now.addAndGet(TimeUnit.SECONDS.toNanos(6));
        assertThat(acquire("a")).isEqualTo(Decision.ALLOWED);
        assertThat(acquire("a")).isInstanceOf(Decision.RateLimited.class);
    }

    @Test
    void clientsAreLimitedSeparately() {
        for (int i = 0; i < 3; i++) {
            acquire("a");
        }
        assertThat(acquire("b")).isEqualTo(Decision.ALLOWED);
        assertThat(acquire("a")).isInstanceOf(Decision.RateLimited.class);
    }

    @Test
    void memoryIsBoundedSoAClientGoneQuietIsForgotten() {
        for (int i = 0; i < 3; i++) {
            acquire("a");
        }
        for (int i = 0; i < 1_000; i++) {
            acquire("198.51.100." + i); // at most 2 clients are kept
        }
        assertThat(acquire("a")).as("forgotten, so a full bucket again").isEqualTo(Decision.ALLOWED);
    }

    @Test
    void eachClientHasTheRateItIsAskedWith() {
        Rate generous = new Rate(600, 20);
        for (int i = 0; i < 20; i++) {
            assertThat(limiter.tryAcquire("key", generous)).isEqualTo(Decision.ALLOWED);
        }
        assertThat(limiter.tryAcquire("key", generous)).isInstanceOfSatisfying(Decision.RateLimited.class,
                denied -> assertThat(denied.retryAfter().toMillis()).isEqualTo(100));
        for (int i = 0; i < 3; i++) {
            acquire("address");
        }
        assertThat(acquire("address")).isInstanceOf(Decision.RateLimited.class);
    }

    private Decision acquire(String client) {
        return limiter.tryAcquire(client, ONE_PER_TEN_SECONDS);
    }
}
