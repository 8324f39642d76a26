package io.github.groundedbot.retrieval;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Library objects shared by the retrieval beans. */
public class Beans {

    /** all-MiniLM-L6-v2 runs in-process (ONNX): no network, no model download at run time. */
    @Produces
    @Singleton
    EmbeddingModel embeddingModel() {
        return new AllMiniLmL6V2EmbeddingModel();
    }

    @Produces
    @Singleton
    TextAnalyzer textAnalyzer() {
        return new TextAnalyzer();
    }
}
