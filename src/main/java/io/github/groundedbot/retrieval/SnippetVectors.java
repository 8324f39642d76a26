package io.github.groundedbot.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingStore;

/**
 * The embedding store of one index version. Besides searching, it gives the cosine of the question
 * and any stored snippet, so a snippet found only by BM25 is still judged by its meaning.
 */
public interface SnippetVectors extends EmbeddingStore<TextSegment> {

    /** Cosine similarity of a query and the vector stored under {@code id}, in [-1, 1]; 0 for an unknown id. */
    double cosine(Embedding query, String id);
}
