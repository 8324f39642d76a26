package io.github.groundedbot.retrieval;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How many candidates dense and BM25 retrieval hand on, and when dense search turns approximate. */
@ConfigMapping(prefix = "retrieval")
public interface RetrievalConfig {

    /** Candidates each retriever (dense and BM25) contributes before fusion. */
    @WithDefault("20")
    int candidatesPerRetriever();

    /**
     * Fact bases with at least this many snippets search their embeddings approximately: a bit-sketch
     * pass over all of them, then exact cosines for the closest few thousand. Below it every cosine
     * is computed (under about 10 ms on 2 slow cores at 50k).
     */
    @WithDefault("50000")
    int approximateFrom();

    /** Fused candidates handed to the answerer. */
    @WithDefault("8")
    int topK();
}
