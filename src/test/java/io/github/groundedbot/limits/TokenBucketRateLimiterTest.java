package io.github.groundedbot.limits;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketRateLimiterTest {

    private final AtomicLong now = new AtomicLong();
    private final TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(3, 6, 2, now::get); // 1 per 10 s

    @Test
    void aBurstThenTheSustainedRate() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        }
        RateLimiter.Decision denied = limiter.tryAcquire("a");
        assertThat(denied.allowed()).isFalse();
        assertThat(denied.retryAfterSeconds()).isEqualTo(10);

        now.addAndGet(TimeUnit.SECONDS.toNanos(4));
        assertThat(limiter.tryAcquire("a").retryAfterSeconds()).isEqualTo(6);
        now.addAndGet(TimeUnit.SECONDS.toNanos(6));
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("a").allowed()).isFalse();
    }

    @Test
    void clientsAreLimitedSeparately() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("a");
        }
        assertThat(limiter.tryAcquire("b").allowed()).isTrue();
        assertThat(limiter.tryAcquire("a").allowed()).isFalse();
    }

    @Test
    void memoryIsBoundedSoAClientGoneQuietIsForgotten() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("a");
        }
        for (int i = 0; i < 1_000; i++) {
            limiter.tryAcquire("198.51.100." + i); // at most 2 clients are kept
        }
        assertThat(limiter.tryAcquire("a").allowed()).as("forgotten, so a full bucket again").isTrue();
    }

    @Test
    void aForgottenClientStartsWithAFullBucket() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("a");
        }
        limiter.forget("a");
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
    }
}
