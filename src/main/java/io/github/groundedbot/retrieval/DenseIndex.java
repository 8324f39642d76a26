package io.github.groundedbot.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingStore;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Snippet embeddings in a langchain4j {@link EmbeddingStore} (ids are snippet ids). A candidate
 * found only lexically still gets its cosine similarity, from the store when it can tell, else
 * from the vectors kept here.
 */
public final class DenseIndex {

    private final EmbeddingStore<TextSegment> store;
    private final Map<String, Embedding> vectors;

    /** The store holds these embeddings under these ids; a copy by id is kept only if the store cannot give cosines. */
    public DenseIndex(EmbeddingStore<TextSegment> store, List<String> ids, List<Embedding> embeddings) {
        this.store = store;
        Map<String, Embedding> byId = new HashMap<>();
        if (!(store instanceof FlatEmbeddingStore)) {
            for (int i = 0; i < ids.size(); i++) {
                byId.put(ids.get(i), embeddings.get(i));
            }
        }
        this.vectors = Map.copyOf(byId);
    }

    public List<Hit> search(Embedding question, int k) {
        EmbeddingSearchRequest request = EmbeddingSearchRequest.builder()
                .queryEmbedding(question)
                .maxResults(k)
                .build();
        return store.search(request).matches().stream()
                .map(DenseIndex::hit)
                .toList();
    }

    /** Cosine similarity between the question and one snippet, in [-1, 1]. */
    public double cosine(Embedding question, String snippetId) {
        if (store instanceof FlatEmbeddingStore flat) {
            return flat.cosine(question, snippetId);
        }
        Embedding vector = vectors.get(snippetId);
        return vector == null ? 0 : dev.langchain4j.store.embedding.CosineSimilarity.between(question, vector);
    }

    private static Hit hit(EmbeddingMatch<TextSegment> match) {
        // The store reports relevance (cosine mapped to [0, 1]); thresholds are documented as cosine.
        return new Hit(match.embeddingId(), 2 * match.score() - 1);
    }


    public record Hit(String id, double cosine) {
    }
}
