package io.github.groundedbot.retrieval;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "retrieval")
public interface RetrievalConfig {

    /** Candidates each retriever (dense and BM25) contributes before fusion. */
    @WithDefault("20")
    int candidatesPerRetriever();

    /** Fused candidates handed to the answerer. */
    @WithDefault("8")
    int topK();
}
