package io.github.groundedbot.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.github.groundedbot.embedding.EmbeddingCache;
import io.github.groundedbot.embedding.EmbeddingConfig;
import io.github.groundedbot.embedding.MiniLmEmbeddingModel;
import io.github.groundedbot.knowledge.FactBase;
import io.github.groundedbot.knowledge.Snippet;
import io.github.groundedbot.language.TextAnalyzer;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Embeds and indexes a fact base into a fresh {@link KnowledgeIndex}, reusing cached embeddings. */
@ApplicationScoped
public class IndexBuilder {

    private static final Logger LOG = Logger.getLogger(IndexBuilder.class);

    private final EmbeddingModel model;
    private final Supplier<SnippetVectors> stores;
    private final TextAnalyzer analyzer;
    private final EmbeddingCache cache;

    public IndexBuilder(EmbeddingModel model, EmbeddingStoreFactory stores, TextAnalyzer analyzer,
                        EmbeddingConfig config) {
        this.model = model;
        this.stores = stores;
        this.analyzer = analyzer;
        this.cache = config.cacheEnabled() ? new EmbeddingCache(config.cacheFile(), MiniLmEmbeddingModel.MODEL_ID) : null;
    }

    /** Not thread-safe against itself: one build at a time (startup, then reloads in turn). */
    public KnowledgeIndex build(FactBase facts) {
        List<Snippet> snippets = facts.snippets();
        Map<String, float[]> cached = cache == null ? new HashMap<>() : cache.read();
        Map<String, float[]> current = new HashMap<>();
        List<Embedding> embeddings = new ArrayList<>(snippets.size());
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < snippets.size(); i++) {
            String key = EmbeddingCache.key(snippets.get(i).indexedText());
            float[] vector = cached.get(key);
            embeddings.add(vector == null ? null : Embedding.from(vector));
            if (vector == null) {
                missing.add(i);
            } else {
                current.put(key, vector);
            }
        }
        if (!missing.isEmpty()) {
            List<TextSegment> toEmbed = missing.stream().map(i -> TextSegment.from(snippets.get(i).indexedText())).toList();
            List<Embedding> fresh = model.embedAll(toEmbed).content();
            for (int j = 0; j < missing.size(); j++) {
                embeddings.set(missing.get(j), fresh.get(j));
                current.put(EmbeddingCache.key(toEmbed.get(j).text()), fresh.get(j).vector());
            }
        }
        // Rewrite only on change; the file then holds exactly the current snippets.
        if (cache != null && (!missing.isEmpty() || current.size() != cached.size())) {
            cache.write(current);
        }
        LOG.infof("Embedded %d of %d snippets; %d came from the embedding cache", missing.size(), snippets.size(),
                snippets.size() - missing.size());

        SnippetVectors vectors = stores.get();
        vectors.addAll(snippets.stream().map(Snippet::id).toList(), embeddings,
                snippets.stream().map(SnippetSegments::of).toList());
        return new KnowledgeIndex(facts, vectors, new LexicalIndex(analyzer, snippets), Instant.now());
    }
}
