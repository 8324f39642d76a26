package io.github.groundedbot.state;

import io.github.groundedbot.chat.DedupeConfig;
import io.github.groundedbot.chat.InMemorySeenEvents;
import io.github.groundedbot.chat.SeenEvents;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/**
 * Chat-platform de-duplication across replicas with Redis's atomic {@code SET key 1 NX PX ttl}: of
 * several replicas receiving one event (a retry that lands elsewhere), exactly one takes it on. In local
 * memory when Redis is off or unreachable.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class SharedSeenEvents implements SeenEvents {

    private final Redis redis;
    private final InMemorySeenEvents memory;
    private final DedupeConfig config;

    public SharedSeenEvents(Redis redis, InMemorySeenEvents memory, DedupeConfig config) {
        this.redis = redis;
        this.memory = memory;
        this.config = config;
    }

    @Override
    public boolean firstSighting(String key) {
        return redis.call(ds -> ds.execute("SET", redis.key("seen:" + key), "1", "NX", "PX",
                        String.valueOf(config.ttl().toMillis())) != null) // nil: the key was there
                .orElseGet(() -> memory.firstSighting(key));
    }

    @Override
    public void forget(String key) {
        redis.call(ds -> ds.key(String.class).del(redis.key("seen:" + key)));
        memory.forget(key);
    }
}
