package io.github.groundedbot.conversation;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Conversations in a least-recently-used map: bounded in count, and each forgotten after its idle
 * expiry. Access order means the eldest entries are the idlest, so expiry only looks at the head.
 */
@DefaultBean
@ApplicationScoped
public class InMemoryConversationStore implements ConversationStore {

    private final Clock clock;
    private final Duration idleExpiry;
    private final int capacity;
    private final LinkedHashMap<String, Conversation> conversations = new LinkedHashMap<>(256, 0.75f, true);

    @Inject
    public InMemoryConversationStore(Clock clock, ConversationConfig config) {
        this(clock, config.idleExpiry(), config.maxConversations());
    }

    InMemoryConversationStore(Clock clock, Duration idleExpiry, int capacity) {
        this.clock = clock;
        this.idleExpiry = idleExpiry;
        this.capacity = capacity;
    }

    @Override
    public synchronized Optional<Conversation> find(String id) {
        evictExpired();
        Conversation found = conversations.get(id);
        if (found != null && expired(found)) {
            conversations.remove(id); // looked up since its last turn, so not at the head yet
            return Optional.empty();
        }
        return Optional.ofNullable(found);
    }

    @Override
    public synchronized void save(Conversation conversation) {
        evictExpired();
        conversations.put(conversation.id(), conversation);
        if (conversations.size() > capacity) {
            Iterator<String> eldest = conversations.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
    }

    @Override
    public synchronized int size() {
        evictExpired();
        return conversations.size();
    }

    private boolean expired(Conversation conversation) {
        return conversation.lastActive().isBefore(clock.instant().minus(idleExpiry));
    }

    private void evictExpired() {
        Iterator<Map.Entry<String, Conversation>> entries = conversations.entrySet().iterator();
        while (entries.hasNext()) {
            if (expired(entries.next().getValue())) {
                entries.remove();
            } else {
                break;
            }
        }
    }
}
