package io.github.groundedbot.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingStore;
import io.github.groundedbot.knowledge.FactBase;
import io.github.groundedbot.knowledge.Snippet;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Embeds and indexes a fact base into a fresh {@link KnowledgeIndex}. */
@ApplicationScoped
public class IndexBuilder {

    private final EmbeddingModel model;
    private final Supplier<EmbeddingStore<TextSegment>> stores;
    private final TextAnalyzer analyzer;

    public IndexBuilder(EmbeddingModel model, EmbeddingStoreFactory stores, TextAnalyzer analyzer) {
        this.model = model;
        this.stores = stores;
        this.analyzer = analyzer;
    }

    public KnowledgeIndex build(FactBase facts) {
        List<Snippet> snippets = facts.snippets();
        List<TextSegment> segments = snippets.stream().map(s -> TextSegment.from(s.indexedText())).toList();
        List<Embedding> embeddings = model.embedAll(segments).content();

        EmbeddingStore<TextSegment> store = stores.get();
        List<String> ids = snippets.stream().map(Snippet::id).toList();
        store.addAll(ids, embeddings, segments);
        Map<String, Embedding> vectors = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            vectors.put(ids.get(i), embeddings.get(i));
        }
        return new KnowledgeIndex(facts, new DenseIndex(store, vectors), new LexicalIndex(analyzer, snippets),
                Instant.now());
    }
}
