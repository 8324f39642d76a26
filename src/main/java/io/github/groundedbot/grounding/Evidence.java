package io.github.groundedbot.grounding;

import io.github.groundedbot.retrieval.Candidate;

/**
 * How well one retrieved snippet supports an answer to the question.
 *
 * @param coverage share of the question's terms the snippet contains, weighted by IDF (0..1)
 * @param score    ranking of supporting snippets: semantic similarity blended with coverage
 * @param parts    cosines of the question with the snippet's title (index 0), each of its sentences, then each
 *                 of its alternate questions
 */
public record Evidence(Candidate candidate, double coverage, double score, double[] parts) {

    /** Cosine of the question and the snippet's title. */
    public double titleCosine() {
        return parts.length == 0 ? 0 : parts[0];
    }

    /** Cosine of the question and the snippet's sentence at {@code index} (0-based). */
    public double sentenceCosine(int index) {
        return index + 1 < parts.length ? parts[index + 1] : 0;
    }

    /** The question's closeness to the snippet: its whole text, its title or one sentence, whichever is closest. */
    public double closest() {
        return Math.max(candidate.cosine(), Math.max(titleCosine(), bestSentenceCosine()));
    }

    /** The question's closeness to what the snippet says: its whole text or one sentence (or alternate question). */
    public double contentCloseness() {
        return Math.max(candidate.cosine(), bestSentenceCosine());
    }

    /** The closest sentence's or alternate question's cosine. */
    public double bestSentenceCosine() {
        if (parts.length < 2) {
            return 0;
        }
        double best = parts[1];
        for (int i = 2; i < parts.length; i++) {
            best = Math.max(best, parts[i]);
        }
        return best;
    }
}
