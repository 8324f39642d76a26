package io.github.groundedbot.answer;

import io.github.groundedbot.conversation.Turn;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Rewords a grounded answer from the snippets that support it. {@link AnswerService} asks only
 * after the grounding check found supporting snippets and the extractive answer exists, which is
 * the fallback whenever this returns empty. Refusals never reach a phraser.
 */
public interface AnswerPhraser {

    /** False when no phraser is configured: the extractive answer is sent as it is. */
    boolean enabled();

    /**
     * The verified answer, every sentence citing the snippets it comes from. What is returned has
     * been sent to {@code deltas} sentence by sentence (the deltas concatenate to its text); empty
     * means nothing was sent and the caller falls back.
     */
    Optional<ExtractiveAnswerer.Composed> phrase(Request request, Consumer<String> deltas);

    /** A follow-up rewritten as a standalone question; empty keeps the rule-based reading. */
    Optional<String> rewrite(String followUp, List<Turn> turns);

    /**
     * @param question  the question as resolved ("Who released it? (Yi-34B)")
     * @param snippets  the supporting snippets, best first; the model sees them as S1, S2, ...
     * @param turns     the conversation so far, oldest first
     * @param streaming whether the caller shows deltas as they come (WebSocket) or only the result
     */
    record Request(String question, List<Evidence> snippets, List<Turn> turns, boolean streaming) {
    }
}
