package io.github.groundedbot.retrieval;

import io.github.groundedbot.knowledge.Snippet;

/**
 * A snippet retrieved for a question.
 *
 * @param rank   0-based position in the fused ranking of dense and BM25 retrieval
 * @param cosine cosine similarity of question and snippet embeddings
 */
public record Candidate(Snippet snippet, int rank, double cosine) {
}
