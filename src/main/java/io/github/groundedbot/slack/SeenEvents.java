package io.github.groundedbot.slack;

/**
 * Remembers which Slack events and slash commands were already taken on, so a retried, doubled or
 * replayed delivery is answered once. In memory by default; a shared store (Redis
 * {@code SET key NX EX ttl}) can replace it when the bot runs on several instances: declare
 * another bean of this type.
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
