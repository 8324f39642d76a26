package io.github.groundedbot.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.github.groundedbot.embedding.EmbeddingConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;

/**
 * Embeds questions. Repeated questions (same words, any case or spacing) skip the model, the
 * single most expensive step of an answer; and no more calls run at once than there are cores,
 * since more would only time-slice the CPU and raise every caller's latency.
 */
@ApplicationScoped
public class QueryEmbedder {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final EmbeddingModel model;
    private final Semaphore slots;
    private final Map<String, Embedding> cache;
    private final Timer latency;
    private final Counter hits;
    private final Counter misses;

    public QueryEmbedder(EmbeddingModel model, EmbeddingConfig config, MeterRegistry registry) {
        this.model = model;
        this.slots = new Semaphore(config.maxConcurrency().orElse(Runtime.getRuntime().availableProcessors()), true);
        int capacity = config.questionCacheSize();
        this.cache = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Embedding> eldest) {
                return size() > capacity;
            }
        };
        this.latency = Timer.builder("bot.embedding.latency").description("Time to embed one question with the model")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.hits = Counter.builder("bot.embedding.cache").tag("result", "hit")
                .description("Question embeddings served from memory").register(registry);
        this.misses = Counter.builder("bot.embedding.cache").tag("result", "miss")
                .description("Question embeddings computed by the model").register(registry);
    }

    public Embedding embed(String text) {
        String key = normalise(text);
        synchronized (cache) {
            Embedding hit = cache.get(key);
            if (hit != null) {
                hits.increment();
                return hit;
            }
        }
        misses.increment();
        Embedding embedding;
        slots.acquireUninterruptibly();
        try {
            embedding = latency.record(() -> model.embed(key).content());
        } finally {
            slots.release();
        }
        synchronized (cache) {
            cache.put(key, embedding);
        }
        return embedding;
    }

    /** all-MiniLM-L6-v2 is uncased, so lower-casing changes nothing but the cache hit rate. */
    static String normalise(String text) {
        return WHITESPACE.matcher(text.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }
}
