package io.github.groundedbot.embedding;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.github.groundedbot.concurrent.DaemonThreads;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Loads all-MiniLM-L6-v2 on its own thread as soon as the CDI container is up, so the model (native
 * library, onnxruntime session, tokenizer: the slowest part of a start) loads while the HTTP server,
 * OpenAPI and the fact base are still being set up, instead of after them.
 */
@ApplicationScoped
public class ModelLoader {

    private static final Logger LOG = Logger.getLogger(ModelLoader.class);
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    /** The settings a model is loaded with: a preload is only used when they match the running config. */
    private record Settings(int intraOpThreads, int loneCallThreads, int runsAtOnce, Optional<Path> modelDir) {
        static Settings of(EmbeddingConfig config) {
            return new Settings(config.intraOpThreads(), config.loneCallThreads().orElse(CORES),
                    config.maxConcurrency().orElse(CORES), config.modelDir());
        }

        /**
         * The same settings read from the raw config while the container starts, before config
         * mappings exist (defaults as in {@link EmbeddingConfig}). A guess the producer checks.
         */
        static Settings early(Config config) {
            return new Settings(config.getOptionalValue("embedding.intra-op-threads", Integer.class).orElse(1),
                    config.getOptionalValue("embedding.lone-call-threads", Integer.class).orElse(CORES),
                    config.getOptionalValue("embedding.max-concurrency", Integer.class).orElse(CORES),
                    config.getOptionalValue("embedding.model-dir", String.class).or(() -> Optional.of("data"))
                            .filter(dir -> !dir.isBlank()).map(Path::of));
        }
    }

    private final Instance<EmbeddingConfig> config;
    private final ExecutorService batches;
    private Settings preloadSettings;
    private CompletableFuture<MiniLmEmbeddingModel> preload;

    public ModelLoader(Instance<EmbeddingConfig> config) {
        this.config = config;
        // Batches (startup, reloads) spread over one thread per core, each batch single-threaded.
        this.batches = Executors.newFixedThreadPool(CORES, DaemonThreads.factory("embedding-batch"));
    }

    // The earliest hook in JVM mode (Quarkus warns it differs in native mode, which this app, with
    // onnxruntime in-process, does not build); if it never fires, the producer loads on first use.
    void onContainerUp(@Observes @Initialized(ApplicationScoped.class) Object event) {
        // Packaging with AppCDS starts the app only to record its classes: no model is needed then.
        if (Boolean.getBoolean("quarkus.appcds.generate")) {
            return;
        }
        Settings settings;
        try {
            Config early = ConfigProvider.getConfig();
            if (!early.getOptionalValue("embedding.preload", Boolean.class).orElse(true)) {
                return; // the producer loads the model on first use, on the thread that needs it
            }
            settings = Settings.early(early);
        } catch (RuntimeException notReadableYet) {
            // Not expected; the model then simply loads on first use.
            LOG.debugf("Embedding model not preloaded: %s", notReadableYet.getMessage());
            return;
        }
        CompletableFuture<MiniLmEmbeddingModel> loading = new CompletableFuture<>();
        synchronized (this) {
            preloadSettings = settings;
            preload = loading;
        }
        DaemonThreads.factory("embedding-model-load").newThread(() -> {
            long started = System.nanoTime();
            MiniLmEmbeddingModel model;
            try {
                model = load(settings);
                model.warmUp(); // onnxruntime's first run allocates and plans: not on a user's question
                loading.complete(model);
                LOG.debugf("Embedding model loaded in %d ms", (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException | Error e) {
                loading.completeExceptionally(e);
            }
        }).start();
    }

    /**
     * Opens the all-cores session for lone questions once the HTTP server listens, on a thread of its
     * own: opening it while Quarkus boots and the fact base is indexed would take a core from the
     * start. Until then lone questions use the one-thread session.
     */
    void onServing(@ObservesAsync HttpServerStart event) {
        CompletableFuture<MiniLmEmbeddingModel> loading;
        synchronized (this) {
            // Not preloaded, or preloaded with other settings: the producer loads with both sessions.
            loading = preload != null && Settings.of(config.get()).equals(preloadSettings) ? preload : null;
        }
        if (loading == null) {
            return;
        }
        loading.thenAcceptAsync(model -> {
            try {
                model.openLoneCallSession();
            } catch (RuntimeException e) {
                LOG.warnf("Lone questions stay on the one-thread session: %s", e.getMessage());
            }
        }, task -> DaemonThreads.factory("embedding-lone-session").newThread(task).start());
    }

    private MiniLmEmbeddingModel load(Settings settings) {
        return new MiniLmEmbeddingModel(settings.intraOpThreads(), settings.loneCallThreads(), settings.runsAtOnce(),
                batches, settings.modelDir());
    }

    /**
     * all-MiniLM-L6-v2 runs in-process (ONNX): no network, no model download at run time. The gauge
     * {@code bot.embedding.waiting} shows questions waiting for a run of the model.
     */
    @Produces
    @Singleton
    EmbeddingModel embeddingModel(MeterRegistry registry) {
        MiniLmEmbeddingModel model = loaded();
        Gauge.builder("bot.embedding.waiting", model, MiniLmEmbeddingModel::waiting)
                .description("Questions waiting for the embedding model, to be embedded together in its next run")
                .register(registry);
        return model;
    }

    private MiniLmEmbeddingModel loaded() {
        Settings wanted = Settings.of(config.get());
        synchronized (this) {
            if (preload == null || !wanted.equals(preloadSettings)) {
                MiniLmEmbeddingModel model = load(wanted);
                model.openLoneCallSession();
                return model;
            }
        }
        try {
            return preload.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        batches.shutdownNow();
    }
}
