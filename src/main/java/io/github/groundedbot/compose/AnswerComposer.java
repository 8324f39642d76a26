package io.github.groundedbot.compose;

import java.util.Optional;

/**
 * Composes the answer to a grounded question. {@link ExtractiveComposer} quotes the facts' own
 * sentences; the LLM composer rewords them and verifies every sentence, falling back to the
 * extractive draft. Only supported questions reach a composer: refusals are decided before.
 */
public interface AnswerComposer {

    /**
     * The cited answer, sent to {@code deltas} as it forms (the deltas concatenate to its text);
     * empty when no sentence answers, and then nothing was sent.
     */
    Optional<Draft> compose(Composition composition, Deltas deltas);
}
