package io.github.groundedbot.conversation;

import com.github.benmanes.caffeine.cache.Ticker;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The wall clock, as a bean so tests can move time without sleeping. */
public class Clocks {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** A Caffeine ticker reading {@code clock}, so cache expiry follows the injected clock. */
    public static Ticker ticker(Clock clock) {
        return () -> ChronoUnit.NANOS.between(Instant.EPOCH, clock.instant());
    }
}
