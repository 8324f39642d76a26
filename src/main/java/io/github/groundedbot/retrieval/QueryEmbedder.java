package io.github.groundedbot.retrieval;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.github.groundedbot.embedding.EmbeddingConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Embeds questions. Repeated questions (same words, any case or spacing) skip the model, the
 * single most expensive step of an answer. The model itself limits how many embeddings run at once
 * ({@code embedding.max-concurrency}).
 */
@ApplicationScoped
public class QueryEmbedder {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final EmbeddingModel model;
    private final Cache<String, Embedding> cache;
    private final Timer latency;
    private final Counter hits;
    private final Counter misses;

    public QueryEmbedder(EmbeddingModel model, EmbeddingConfig config, MeterRegistry registry) {
        this.model = model;
        this.cache = Caffeine.newBuilder().maximumSize(config.questionCacheSize()).build();
        this.latency = Timer.builder("bot.embedding.latency")
                .description("Time to embed one question with the model, waiting in line for a run included")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.hits = Counter.builder("bot.embedding.cache").tag("result", "hit")
                .description("Question embeddings served from memory").register(registry);
        this.misses = Counter.builder("bot.embedding.cache").tag("result", "miss")
                .description("Question embeddings computed by the model").register(registry);
    }

    public Embedding embed(String text) {
        String key = normalise(text);
        Embedding hit = cache.getIfPresent(key);
        if (hit != null) {
            hits.increment();
            return hit;
        }
        misses.increment();
        Embedding embedding = latency.record(() -> model.embed(key).content());
        cache.put(key, embedding);
        return embedding;
    }

    /** all-MiniLM-L6-v2 is uncased, so lower-casing changes nothing but the cache hit rate. */
    static String normalise(String text) {
        return WHITESPACE.matcher(text.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }
}
