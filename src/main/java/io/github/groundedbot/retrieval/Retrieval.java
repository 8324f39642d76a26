package io.github.groundedbot.retrieval;

import dev.langchain4j.data.embedding.Embedding;

import java.util.List;

/**
 * What hybrid retrieval found for one question, best first, and the index version it searched:
 * every later stage of the same answer reads this version, even if a reload swaps in another.
 */
public record Retrieval(String query, Embedding queryEmbedding, List<Candidate> candidates, KnowledgeIndex index) {
}
