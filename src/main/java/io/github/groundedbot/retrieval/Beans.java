package io.github.groundedbot.retrieval;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.github.groundedbot.embedding.EmbeddingConfig;
import io.github.groundedbot.embedding.MiniLmEmbeddingModel;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Library objects shared by the retrieval beans. */
public class Beans {

    /** all-MiniLM-L6-v2 runs in-process (ONNX): no network, no model download at run time. */
    @Produces
    @Singleton
    EmbeddingModel embeddingModel(EmbeddingConfig config) {
        int cores = Runtime.getRuntime().availableProcessors();
        // Batches (startup, reloads) spread over one thread per core, each call single-threaded.
        ExecutorService batches = Executors.newFixedThreadPool(cores, runnable -> {
            Thread thread = new Thread(runnable, "embedding-batch");
            thread.setDaemon(true);
            return thread;
        });
        return new MiniLmEmbeddingModel(config.intraOpThreads(), batches);
    }

    @Produces
    @Singleton
    TextAnalyzer textAnalyzer() {
        return new TextAnalyzer();
    }
}
