package io.github.groundedbot.chat;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@link SeenEvents} for one instance: a map bounded in size, in insertion order so expiry only looks at its head. */
@DefaultBean
@ApplicationScoped
public class InMemorySeenEvents implements SeenEvents {

    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;
    private final LinkedHashMap<String, Instant> seenAt = new LinkedHashMap<>();

    @Inject
    public InMemorySeenEvents(DedupeConfig config, Clock clock) {
        this(config.ttl(), config.maxEntries(), clock);
    }

    InMemorySeenEvents(Duration ttl, int maxEntries, Clock clock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("chat.dedupe.max-entries must be at least 1, got " + maxEntries);
        }
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    @Override
    public synchronized boolean firstSighting(String key) {
        Instant now = clock.instant();
        expire(now);
        if (seenAt.containsKey(key)) {
            return false;
        }
        if (seenAt.size() >= maxEntries) {
            Iterator<String> oldest = seenAt.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        seenAt.put(key, now);
        return true;
    }

    @Override
    public synchronized void forget(String key) {
        seenAt.remove(key);
    }

    synchronized int size() {
        return seenAt.size();
    }

    private void expire(Instant now) {
        Instant cutoff = now.minus(ttl);
        for (Iterator<Map.Entry<String, Instant>> it = seenAt.entrySet().iterator(); it.hasNext(); ) {
            if (it.next().getValue().isAfter(cutoff)) {
                return; // entries are in insertion order: the rest are younger
            }
            it.remove();
        }
    }
}
