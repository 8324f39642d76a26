package io.github.groundedbot.retrieval;

import dev.langchain4j.data.embedding.Embedding;

import java.util.List;

/** What hybrid retrieval found for one question, best first. */
public record Retrieval(String query, Embedding queryEmbedding, List<Candidate> candidates, KnowledgeIndex index) {
}
