package io.github.groundedbot.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Embeds questions, remembering recent ones: a repeated question (same words, any case or
 * spacing) skips the model, which is the single most expensive step of an answer.
 */
@ApplicationScoped
public class QueryEmbedder {

    private static final int CAPACITY = 10_000;

    private final EmbeddingModel model;
    private final Map<String, Embedding> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Embedding> eldest) {
            return size() > CAPACITY;
        }
    };

    public QueryEmbedder(EmbeddingModel model) {
        this.model = model;
    }

    public Embedding embed(String text) {
        String key = normalise(text);
        synchronized (cache) {
            Embedding hit = cache.get(key);
            if (hit != null) {
                return hit;
            }
        }
        // Embed outside the lock so concurrent questions use both cores.
        Embedding embedding = model.embed(key).content();
        synchronized (cache) {
            cache.put(key, embedding);
        }
        return embedding;
    }

    static String normalise(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
