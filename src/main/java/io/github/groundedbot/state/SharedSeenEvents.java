package io.github.groundedbot.state;

import io.github.groundedbot.slack.InMemorySeenEvents;
import io.github.groundedbot.slack.SeenEvents;
import io.github.groundedbot.slack.SlackSettings;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/**
 * Slack de-duplication across replicas with Redis's atomic {@code SET key 1 NX PX ttl}: of several
 * replicas receiving one event (a retry that lands elsewhere), exactly one takes it on. In local
 * memory when Redis is off or unreachable.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class SharedSeenEvents implements SeenEvents {

    private final Redis redis;
    private final InMemorySeenEvents memory;
    private final SlackSettings settings;

    public SharedSeenEvents(Redis redis, InMemorySeenEvents memory, SlackSettings settings) {
        this.redis = redis;
        this.memory = memory;
        this.settings = settings;
    }

    @Override
    public boolean firstSighting(String key) {
        return redis.call(ds -> ds.execute("SET", redis.key("slack-seen:" + key), "1", "NX", "PX",
                        String.valueOf(settings.dedupe().ttl().toMillis())) != null) // nil: the key was there
                .orElseGet(() -> memory.firstSighting(key));
    }

    @Override
    public void forget(String key) {
        redis.call(ds -> ds.key(String.class).del(redis.key("slack-seen:" + key)));
        memory.forget(key);
    }
}
