package io.github.groundedbot.grounding;

import java.util.List;
import java.util.Set;

/**
 * What the grounding stage found for one question.
 *
 * @param supporting snippets that answer the question, best first; empty when the facts do not
 * @param related    every retrieved snippet at least {@code answer.min-similarity} close, best first:
 *                   where a supported question's cause or date may sit in a neighbouring fact
 * @param weights    the question's term weights, for the composer to score sentences with
 */
public record Grounding(List<Evidence> supporting, List<Evidence> related, TermWeights weights) {

    public static Grounding none(TermWeights weights) {
        return new Grounding(List.of(), List.of(), weights);
    }

    public boolean supported() {
        return !supporting.isEmpty();
    }

    /** "Tell me more": every related snippet not shown yet counts as supporting. */
    public Grounding unseen(Set<String> shown) {
        List<Evidence> fresh = related.stream()
                .filter(e -> !shown.contains(e.candidate().snippet().id()))
                .toList();
        return new Grounding(fresh, fresh, weights);
    }
}
