package io.github.groundedbot.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.groundedbot.conversation.Conversation;
import io.github.groundedbot.conversation.ConversationConfig;
import io.github.groundedbot.conversation.ConversationStore;
import io.github.groundedbot.conversation.InMemoryConversationStore;
import io.quarkus.redis.datasource.keys.KeyCommands;
import io.quarkus.redis.datasource.sortedset.ScoreRange;
import io.quarkus.redis.datasource.sortedset.SortedSetCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.util.List;
import java.util.Optional;

/**
 * Conversations in Redis when {@code state.store=redis}, so a conversation started on one replica
 * continues on another; in local memory otherwise, and whenever Redis is unreachable. Bounds match
 * the in-memory store: a TTL of the idle expiry per conversation, and an index by last activity
 * that drops the least recently used past {@code conversation.max-conversations}.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class SharedConversationStore implements ConversationStore {

    /**
     * Where a conversation's JSON is kept, with the version of its form: a replica of another version
     * neither reads nor overwrites it, and starts the conversation afresh instead. Version 2: a turn
     * keeps its answer's lead sentence instead of the names it was about.
     */
    private static final String CONVERSATION_KEY = "conversation:v2:";

    private final Redis redis;
    private final InMemoryConversationStore memory;
    private final ConversationConfig config;
    private final ObjectMapper json;

    public SharedConversationStore(Redis redis, InMemoryConversationStore memory, ConversationConfig config,
                                   ObjectMapper json) {
        this.redis = redis;
        this.memory = memory;
        this.config = config;
        this.json = json;
    }

    @Override
    public Optional<Conversation> find(String id) {
        Optional<Optional<String>> stored = redis.call(
                ds -> Optional.ofNullable(ds.value(String.class).get(conversationKey(id))));
        if (stored.isEmpty()) {
            return memory.find(id);
        }
        if (stored.get().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(stored.get().get(), Conversation.class));
        } catch (JsonProcessingException e) {
            return Optional.empty(); // a value this version cannot read starts a fresh conversation
        }
    }

    @Override
    public void save(Conversation conversation) {
        String key = conversationKey(conversation.id());
        String index = redis.key("conversations");
        // Written as JSON only for Redis: a conversation kept in memory is kept as it is.
        Optional<Boolean> saved = redis.call(ds -> {
            ValueCommands<String, String> values = ds.value(String.class);
            values.set(key, json(conversation), new SetArgs().px(config.idleExpiry()));
            SortedSetCommands<String, String> byActivity = ds.sortedSet(String.class);
            long now = conversation.lastActive().toEpochMilli();
            byActivity.zadd(index, now, conversation.id());
            byActivity.zremrangebyscore(index, new ScoreRange<>(
                    Double.NEGATIVE_INFINITY, (double) (now - config.idleExpiry().toMillis())));
            long excess = byActivity.zcard(index) - config.maxConversations();
            if (excess > 0) {
                List<String> oldest = byActivity.zrange(index, 0, excess - 1);
                byActivity.zrem(index, oldest.toArray(String[]::new));
                KeyCommands<String> keys = ds.key(String.class);
                keys.del(oldest.stream().map(this::conversationKey).toArray(String[]::new));
            }
            return Boolean.TRUE;
        });
        if (saved.isEmpty()) {
            memory.save(conversation);
        }
    }

    private String conversationKey(String id) {
        return redis.key(CONVERSATION_KEY + id);
    }

    private String json(Conversation conversation) {
        try {
            return json.writeValueAsString(conversation);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // records of strings always serialise
        }
    }

    @Override
    public int size() {
        return redis.call(ds -> ds.sortedSet(String.class).zcard(redis.key("conversations")))
                .map(Long::intValue)
                .orElseGet(memory::size);
    }
}
