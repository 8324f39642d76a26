package io.github.groundedbot.retrieval;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Supplier;

/**
 * Makes the store each index version is built into: an in-memory {@link FlatEmbeddingStore}, exact
 * below {@code retrieval.approximate-from} snippets. Replace this bean (CDI {@code @Alternative}) to keep vectors in another {@link EmbeddingStore}.
 */
@ApplicationScoped
public class EmbeddingStoreFactory implements Supplier<EmbeddingStore<TextSegment>> {

    private final RetrievalConfig config;

    public EmbeddingStoreFactory(RetrievalConfig config) {
        this.config = config;
    }

    @Override
    public EmbeddingStore<TextSegment> get() {
        return new FlatEmbeddingStore(config.approximateFrom());
    }
}
