package io.github.groundedbot.limits;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A bulkhead around answering: at most {@code limits.max-in-flight} questions at once over every
 * channel. A question that cannot get a place within {@code limits.in-flight-wait} is shed with
 * {@link OverloadedException}, so overload shows as fast, clear refusals rather than growing queues,
 * memory and latency.
 */
@ApplicationScoped
public class InFlightLimit {

    private final Semaphore places;
    private final long waitNanos;

    public InFlightLimit(LimitsConfig config) {
        this.places = new Semaphore(Math.max(1, config.maxInFlight()), true);
        this.waitNanos = config.inFlightWait().toNanos();
    }

    public <T> T call(Supplier<T> work) {
        try {
            if (!places.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
                throw new OverloadedException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OverloadedException();
        }
        try {
            return work.get();
        } finally {
            places.release();
        }
    }

    /** Takes every free place, for tests that need the bot overloaded; returns how many were taken. */
    public int drainForTest() {
        return places.drainPermits();
    }

    public void releaseForTest(int count) {
        places.release(count);
    }

    public int available() {
        return places.availablePermits();
    }

    /** Too many questions in flight; retry in a second or so. */
    public static class OverloadedException extends RuntimeException {
        public static final int RETRY_AFTER_SECONDS = 1;

        public OverloadedException() {
            super("The bot is answering too many questions right now; retry in a moment.", null, false, false);
        }
    }
}
