package io.github.groundedbot.conversation;

import java.util.Optional;

/** Where conversations live between questions. In memory by default; replaceable (e.g. shared by replicas). */
public interface ConversationStore {

    /** The conversation, or empty when it is unknown or expired (the caller starts a fresh one). */
    Optional<Conversation> find(String id);

    void save(Conversation conversation);

    /** Live conversations, for metrics and tests. */
    int size();
}
