package io.github.groundedbot.chat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.groundedbot.conversation.Clocks;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;

/**
 * {@link SeenEvents} for one instance: a Caffeine cache of keys, each forgotten after the TTL and
 * at most {@code chat.dedupe.max-entries} kept. Maintenance runs on the caller's thread.
 */
@DefaultBean
@ApplicationScoped
public class InMemorySeenEvents implements SeenEvents {

    private final Cache<String, Boolean> seen;

    @Inject
    public InMemorySeenEvents(DedupeConfig config, Clock clock) {
        this(config.ttl(), config.maxEntries(), clock);
    }

    InMemorySeenEvents(Duration ttl, int maxEntries, Clock clock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("chat.dedupe.max-entries must be at least 1, got " + maxEntries);
        }
        this.seen = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterWrite(ttl)
                .ticker(Clocks.ticker(clock))
                .executor(Runnable::run)
                .build();
    }

    @Override
    public boolean firstSighting(String key) {
        return seen.asMap().putIfAbsent(key, Boolean.TRUE) == null;
    }

    @Override
    public void forget(String key) {
        seen.invalidate(key);
    }

    int size() {
        seen.cleanUp();
        return (int) seen.estimatedSize();
    }
}
