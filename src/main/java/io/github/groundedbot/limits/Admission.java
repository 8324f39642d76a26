package io.github.groundedbot.limits;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The one admission control every channel (REST, WebSocket, the chat relay behind Slack) puts a
 * question through: first {@link #admit} counts it against its client's rate, then {@link #answer}
 * runs the answering in one of {@code limits.max-in-flight} places. A question that cannot get a
 * place within {@code limits.in-flight-wait} is shed, so overload shows as fast, clear refusals
 * rather than growing queues, memory and latency. Each channel turns a {@link Decision.Refusal}
 * into its own error shape.
 */
@ApplicationScoped
public class Admission {

    /** A shed question may retry about this soon: places free up as fast as answers finish. */
    static final Decision.Busy BUSY = new Decision.Busy(Duration.ofSeconds(1));

    private final RateLimiter limiter;
    private final Rate anonymousRate;
    private final Semaphore places;
    private final long waitNanos;
    private final MeterRegistry registry;

    public Admission(RateLimiter limiter, LimitsConfig config, MeterRegistry registry) {
        this.limiter = limiter;
        this.anonymousRate = Rate.anonymous(config);
        this.places = new Semaphore(Math.max(1, config.maxInFlight()), true);
        this.waitNanos = config.inFlightWait().toNanos();
        this.registry = registry;
    }

    /** Counts one question against {@code client}'s rate: an integration's own, else {@code limits.*}. */
    public Decision admit(ClientKey client) {
        Rate rate = client instanceof ClientKey.Integration key ? key.rate() : anonymousRate;
        Decision decision = limiter.tryAcquire(client.id(), rate);
        if (client instanceof ClientKey.Integration key) {
            registry.counter("bot.api.key.questions", "key", key.name(), "decision", decision.code()).increment();
        }
        return decision;
    }

    /**
     * Runs {@code work} (answering a question) in one of the in-flight places.
     *
     * @throws BusyException when no place came free within {@code limits.in-flight-wait}; nothing ran
     */
    public <T> T answer(Supplier<T> work) {
        try (Place place = enter()) {
            return work.get();
        }
    }

    /**
     * Takes an in-flight place for answering that ends on another thread (a stream); close it when
     * the answer is done. Prefer {@link #answer} when the answer ends where it starts.
     *
     * @throws BusyException when no place came free within {@code limits.in-flight-wait}
     */
    public Place enter() {
        try {
            if (!places.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
                throw new BusyException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusyException();
        }
        return new Place(places);
    }

    /** One in-flight place; closing it more than once gives it back once. */
    public static final class Place implements AutoCloseable {

        private final Semaphore places;
        private final AtomicBoolean held = new AtomicBoolean(true);

        private Place(Semaphore places) {
            this.places = places;
        }

        @Override
        public void close() {
            if (held.compareAndSet(true, false)) {
                places.release();
            }
        }
    }

    /** Every in-flight place is taken; {@link #decision()} says when to retry. */
    public static final class BusyException extends RuntimeException {

        BusyException() {
            super(BUSY.message(), null, false, false);
        }

        public Decision.Busy decision() {
            return BUSY;
        }
    }
}
