package io.github.groundedbot.retrieval;

import io.github.groundedbot.knowledge.Snippet;

/**
 * A snippet retrieved for a question.
 *
 * @param fusedScore reciprocal-rank-fusion score of the dense and BM25 rankings
 * @param cosine     cosine similarity of question and snippet embeddings
 * @param bm25       BM25 score, 0 when the snippet shares no term with the question
 */
public record Candidate(Snippet snippet, double fusedScore, double cosine, double bm25) {
}
