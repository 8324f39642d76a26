package io.github.groundedbot.chat;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import io.smallrye.faulttolerance.api.TypedGuard;
import jakarta.enterprise.util.TypeLiteral;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends replies to one platform through a SmallRye Fault Tolerance guard: each try on Quarkus's
 * worker pool with a timeout, transient failures retried after doubling waits (with jitter, and
 * never shorter than the platform's {@code Retry-After}) that are timers, not sleeping threads. So
 * a slow or rate-limiting platform never holds the relay's answer workers.
 */
public final class Delivery {

    private static final Logger LOG = Logger.getLogger(Delivery.class);

    /** One try at sending. */
    @FunctionalInterface
    public interface Attempt {
        void run() throws DeliveryFailure;
    }

    private final String platform;
    private final Retry retry;
    private final TypedGuard<CompletionStage<Void>> guard;

    /** @param platform names the platform in logs and in the guard's metrics ("Slack") */
    public Delivery(String platform, Retry retry) {
        this.platform = platform;
        this.retry = retry;
        this.guard = TypedGuard.create(new TypeLiteral<CompletionStage<Void>>() {
                })
                .withDescription(platform.toLowerCase(Locale.ROOT) + "-delivery")
                .withRetry()
                .maxRetries(retry.maxAttempts() - 1)
                .maxDuration(retry.attemptTimeout().plus(retry.maxBackoff()).multipliedBy(retry.maxAttempts())
                        .toMillis(), ChronoUnit.MILLIS)
                .whenException(Delivery::retryable)
                .withCustomBackoff().strategy(() -> new Backoff(retry)).done() // the waits, from initial-backoff
                .done()
                .withTimeout().duration(retry.attemptTimeout().toMillis(), ChronoUnit.MILLIS).done()
                .withThreadOffload(true) // each try on the worker pool; the caller only gets a stage
                .build();
    }

    /**
     * Starts sending and returns at once; the tries, and the waits between them, happen off the
     * caller's thread. What finally fails is logged.
     *
     * @param what names the delivery in logs ("chat.postMessage to C123"); never a secret such as a webhook token
     */
    public void start(String what, Attempt attempt) {
        int maxAttempts = retry.maxAttempts();
        AtomicInteger tries = new AtomicInteger();
        guard.get(() -> {
            int tried = tries.incrementAndGet();
            try {
                attempt.run();
                return CompletableFuture.completedFuture(null);
            } catch (DeliveryFailure failure) {
                if (failure.isRetryable() && tried < maxAttempts) {
                    LOG.warnf("%s %s failed (try %d of %d), retrying: %s", platform, what, tried, maxAttempts,
                            failure.getMessage());
                }
                return CompletableFuture.failedFuture(failure);
            }
        }).whenComplete((done, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                LOG.errorf("%s %s failed%s: %s", platform, what, retryable(cause) ? " after " + tries.get() + " tries" : "",
                        cause.getMessage());
            }
        });
    }

    /** Worth another try: the platform said "later", or the try ran out of time. */
    private static boolean retryable(Throwable error) {
        return error instanceof TimeoutException || error instanceof DeliveryFailure failure && failure.isRetryable();
    }

    /** The longest one try may take: HTTP clients end their call then, so the pool thread is freed too. */
    public Duration attemptTimeout() {
        return retry.attemptTimeout();
    }

    /**
     * Waits between tries: doubling from {@code initial-backoff}, give or take {@code jitter}, at
     * least the Retry-After the platform asked for, at most {@code max-backoff}. Fault Tolerance's
     * own backoffs cannot see the failure, so they could not honour Retry-After. One per delivery.
     */
    private static final class Backoff implements CustomBackoffStrategy {
        private final Retry retry;
        private Duration next;

        Backoff(Retry retry) {
            this.retry = retry;
            this.next = retry.initialBackoff();
        }

        @Override
        public long nextDelayInMillis(Throwable exception) {
            long jitter = retry.jitter().toMillis();
            long wait = next.toMillis() + (jitter == 0 ? 0 : ThreadLocalRandom.current().nextLong(-jitter, jitter + 1));
            if (exception instanceof DeliveryFailure failure && failure.retryAfter().isPresent()) {
                wait = Math.max(wait, failure.retryAfter().get().toMillis());
            }
            next = next.multipliedBy(2).compareTo(retry.maxBackoff()) < 0 ? next.multipliedBy(2) : retry.maxBackoff();
            return Math.max(0, Math.min(wait, retry.maxBackoff().toMillis()));
        }
    }
}
