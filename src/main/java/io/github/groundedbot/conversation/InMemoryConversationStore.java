package io.github.groundedbot.conversation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Conversations in a Caffeine cache: each forgotten once no turn was saved to it for the idle
 * expiry, and at most {@code conversation.max-conversations} kept. Past the cap Caffeine drops the
 * conversations least likely to be used again, judged by how often and how recently each was used.
 * Maintenance runs on the caller's thread: no pool thread, and the cap holds once {@link #save}
 * returns.
 */
@DefaultBean
@ApplicationScoped
public class InMemoryConversationStore implements ConversationStore {

    private final Cache<String, Conversation> conversations;

    @Inject
    public InMemoryConversationStore(Clock clock, ConversationConfig config) {
        this(clock, config.idleExpiry(), config.maxConversations());
    }

    InMemoryConversationStore(Clock clock, Duration idleExpiry, int capacity) {
        this.conversations = Caffeine.newBuilder()
                .maximumSize(capacity)
                .expireAfterWrite(idleExpiry)
                .ticker(Clocks.ticker(clock))
                .executor(Runnable::run)
                .build();
    }

    @Override
    public Optional<Conversation> find(String id) {
        return Optional.ofNullable(conversations.getIfPresent(id));
    }

    @Override
    public void save(Conversation conversation) {
        conversations.put(conversation.id(), conversation);
    }

    @Override
    public int size() {
        conversations.cleanUp();
        return (int) conversations.estimatedSize();
    }
}
