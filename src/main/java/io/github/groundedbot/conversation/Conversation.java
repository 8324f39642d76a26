package io.github.groundedbot.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The recent turns of one conversation, newest last. Immutable. */
public record Conversation(String id, List<Turn> turns, Instant lastActive) {

    public static Conversation start(String id, Instant now) {
        return new Conversation(id, List.of(), now);
    }

    public Optional<Turn> last() {
        return turns.isEmpty() ? Optional.empty() : Optional.of(turns.get(turns.size() - 1));
    }

    /** Every snippet already shown in this conversation. */
    public Set<String> shown() {
        Set<String> shown = new LinkedHashSet<>();
        turns.forEach(turn -> shown.addAll(turn.cited()));
        return shown;
    }

    public Conversation with(Turn turn, int maxTurns, Instant now) {
        List<Turn> kept = new ArrayList<>(turns);
        kept.add(turn);
        while (kept.size() > maxTurns) {
            kept.remove(0);
        }
        return new Conversation(id, List.copyOf(kept), now);
    }
}
