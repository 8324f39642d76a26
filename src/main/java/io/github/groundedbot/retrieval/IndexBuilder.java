package io.github.groundedbot.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.github.groundedbot.embedding.EmbeddingCache;
import io.github.groundedbot.embedding.EmbeddingConfig;
import io.github.groundedbot.embedding.MiniLmEmbeddingModel;
import io.github.groundedbot.knowledge.FactBase;
import io.github.groundedbot.knowledge.Snippet;
import io.github.groundedbot.language.Sentences;
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
        // Per snippet: its indexed text, its title, each sentence, then each alternate question; embedded once each, cached by text.
        List<String> texts = new ArrayList<>();
        List<Integer> firstText = new ArrayList<>(snippets.size());
        List<Integer> sentenceCounts = new ArrayList<>(snippets.size());
        for (Snippet snippet : snippets) {
            firstText.add(texts.size());
            List<String> sentences = Sentences.split(snippet.text());
            // Alternate questions are matched like sentences: after them, so sentence positions stay.
            sentenceCounts.add(sentences.size() + snippet.alsoAsked().size());
            texts.add(snippet.indexedText());
            texts.add(snippet.title());
            texts.addAll(sentences);
            texts.addAll(snippet.alsoAsked());
        }
        List<float[]> vectors = embed(texts);

        List<Embedding> embeddings = new ArrayList<>(snippets.size());
        Map<String, float[][]> parts = new HashMap<>();
        for (int i = 0; i < snippets.size(); i++) {
            int at = firstText.get(i);
            embeddings.add(Embedding.from(vectors.get(at)));
            float[][] titleAndSentences = new float[1 + sentenceCounts.get(i)][];
            for (int j = 0; j < titleAndSentences.length; j++) {
                titleAndSentences[j] = Vectors.unit(vectors.get(at + 1 + j));
            }
            parts.put(snippets.get(i).id(), titleAndSentences);
        }
        SnippetVectors store = stores.get();
        store.addAll(snippets.stream().map(Snippet::id).toList(), embeddings,
                snippets.stream().map(SnippetSegments::of).toList());
        return new KnowledgeIndex(facts, store, new SentenceVectors(parts), new LexicalIndex(analyzer, snippets),
                Calibration.measure(parts), Instant.now());
    }

    /** Vectors for the texts, from the embedding cache where it has them; the cache then holds exactly these. */
    private List<float[]> embed(List<String> texts) {
        Map<String, float[]> cached = cache == null ? new HashMap<>() : cache.read();
        Map<String, float[]> current = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String text : texts) {
            String key = EmbeddingCache.key(text);
            float[] vector = cached.get(key);
            if (vector == null) {
                if (!current.containsKey(key)) {
                    missing.add(text);
                    current.put(key, null);
                }
            } else {
                current.put(key, vector);
            }
        }
        if (!missing.isEmpty()) {
            List<Embedding> fresh = model.embedAll(missing.stream().map(TextSegment::from).toList()).content();
            for (int j = 0; j < missing.size(); j++) {
                current.put(EmbeddingCache.key(missing.get(j)), fresh.get(j).vector());
            }
        }
        // Rewrite only on change; the file then holds exactly the current texts.
        if (cache != null && (!missing.isEmpty() || current.size() != cached.size())) {
            cache.write(current);
        }
        LOG.infof("Embedded %d of %d distinct snippet texts, titles and sentences; the rest came from the embedding "
                + "cache", missing.size(), current.size());
        return texts.stream().map(text -> current.get(EmbeddingCache.key(text))).toList();
    }
}
