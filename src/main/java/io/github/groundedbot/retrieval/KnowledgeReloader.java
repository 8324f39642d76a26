package io.github.groundedbot.retrieval;

import io.github.groundedbot.knowledge.FactBase;
import io.github.groundedbot.knowledge.KnowledgeConfig;
import io.github.groundedbot.knowledge.KnowledgeException;
import io.github.groundedbot.knowledge.KnowledgeLoader;
import io.github.groundedbot.knowledge.Snippet;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Loads the fact base and swaps a fresh index in, one load at a time. A load that fails keeps the
 * index already serving and records the problems, for the log, readiness and the status endpoint.
 */
@ApplicationScoped
public class KnowledgeReloader {

    private static final Logger LOG = Logger.getLogger(KnowledgeReloader.class);

    private final KnowledgeConfig config;
    private final IndexBuilder builder;
    private final IndexHolder holder;
    private final Clock clock;
    // IndexBuilder and its cache file take one build at a time; reloads from the watcher and the endpoint queue here.
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Instant lastAttempt;
    private volatile KnowledgeStatus.LoadError lastError;

    public KnowledgeReloader(KnowledgeConfig config, IndexBuilder builder, IndexHolder holder, Clock clock) {
        this.config = config;
        this.builder = builder;
        this.holder = holder;
        this.clock = clock;
    }

    /** Loads and swaps in a new index; a broken fact base throws {@link KnowledgeException} (used at startup). */
    public void loadOrThrow() {
        lock.lock();
        try {
            lastAttempt = clock.instant();
            long start = System.nanoTime();
            FactBase facts = new KnowledgeLoader(config.maxWords(), config.maxFileSize().asLongValue())
                    .load(config.dir());
            holder.swap(builder.build(facts));
            lastError = null;
            LOG.infof("Indexed %d snippets from %s in %d ms", facts.size(), config.dir().toAbsolutePath(),
                    (System.nanoTime() - start) / 1_000_000);
        } finally {
            lock.unlock();
        }
    }

    /** Reloads; on failure the old index keeps serving. Returns the status afterwards. */
    public KnowledgeStatus reload(String why) {
        lock.lock();
        try {
            LOG.infof("Reloading the fact base (%s)", why);
            loadOrThrow();
        } catch (KnowledgeException e) {
            lastError = new KnowledgeStatus.LoadError(clock.instant(), e.problems());
            LOG.errorf("The fact base on disk is broken; still serving the last good one. %s", e.getMessage());
        } catch (RuntimeException | Error e) {
            // An Error too (out of memory, a missing class): the index already built keeps serving.
            lastError = new KnowledgeStatus.LoadError(clock.instant(), List.of(config.dir() + ": " + e));
            LOG.error("Reloading the fact base failed; still serving the last good one", e);
        } finally {
            lock.unlock();
        }
        return status();
    }

    public KnowledgeStatus status() {
        KnowledgeIndex index = holder.ready().orElse(null);
        List<String> files = index == null ? List.of()
                : index.facts().snippets().stream().map(Snippet::location).map(Snippet.Location::file).distinct()
                .toList();
        return new KnowledgeStatus(files, index == null ? 0 : index.facts().size(),
                index == null ? null : index.builtAt(), lastAttempt, lastError);
    }
}
