package io.github.groundedbot.retrieval;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Supplier;

/**
 * Makes the store each index version is built into: an in-memory {@link FlatEmbeddingStore}, exact
 * below {@code retrieval.approximate-from} snippets. Replace this bean (CDI {@code @Alternative}) to keep vectors in another embedding store (implementing {@link SnippetVectors}).
 */
@ApplicationScoped
public class EmbeddingStoreFactory implements Supplier<SnippetVectors> {

    private final RetrievalConfig config;

    public EmbeddingStoreFactory(RetrievalConfig config) {
        this.config = config;
    }

    @Override
    public SnippetVectors get() {
        return new FlatEmbeddingStore(config.approximateFrom());
    }
}
