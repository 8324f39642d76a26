package io.github.groundedbot.chat;

/**
 * Remembers which platform events and commands were already taken on, so a retried, doubled or
 * replayed delivery is answered once. Keys start with the platform's name ({@code slack:event:Ev1}).
 * In memory by default; {@code state.SharedSeenEvents} shares it through Redis when the bot runs on
 * several replicas.
 */
public interface SeenEvents {

    /**
     * Records the key as seen. Atomic: of several calls with one key within the retention time,
     * exactly one returns true.
     *
     * @return true when the key was not seen before, i.e. the caller should handle the event
     */
    boolean firstSighting(String key);

    /** Forgets a key, so a later delivery of the same event is handled (used when it could not be queued). */
    void forget(String key);
}
