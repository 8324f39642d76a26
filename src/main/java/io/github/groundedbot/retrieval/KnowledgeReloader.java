package io.github.groundedbot.retrieval;

import io.github.groundedbot.concurrent.DaemonThreads;
import io.github.groundedbot.knowledge.FactBase;
import io.github.groundedbot.knowledge.KnowledgeConfig;
import io.github.groundedbot.knowledge.KnowledgeException;
import io.github.groundedbot.knowledge.KnowledgeLoader;
import io.github.groundedbot.knowledge.KnowledgeTestReport;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Loads the fact base and swaps a fresh index in, one load at a time. A load that fails keeps the
 * index already serving and records the problems, for the log, readiness and the status endpoint.
 * Every fresh index is put through the knowledge tests before it serves; with
 * {@code knowledge.tests.required=true} failing tests fail the load.
 */
@ApplicationScoped
public class KnowledgeReloader {

    private static final Logger LOG = Logger.getLogger(KnowledgeReloader.class);

    private final KnowledgeConfig config;
    private final IndexBuilder builder;
    private final IndexHolder holder;
    private final IndexTests tests;
    private final Clock clock;
    // IndexBuilder and its cache file take one build at a time; reloads from the watcher and the endpoint queue here.
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Instant lastAttempt;
    private volatile KnowledgeStatus.LoadError lastError;
    private volatile KnowledgeTestReport lastTests;
    /** The startup index's knowledge tests, when they run after it serves. */
    private volatile CompletableFuture<Void> startupTests = CompletableFuture.completedFuture(null);

    public KnowledgeReloader(KnowledgeConfig config, IndexBuilder builder, IndexHolder holder, IndexTests tests,
                             Clock clock) {
        this.config = config;
        this.builder = builder;
        this.holder = holder;
        this.tests = tests;
        this.clock = clock;
    }

    /** Loads, tests and swaps in a new index; a broken fact base throws {@link KnowledgeException}. */
    public void loadOrThrow() {
        load(true);
    }

    /**
     * The first load, at startup: a broken fact base throws {@link KnowledgeException}. When the
     * knowledge tests are not required, their report changes nothing about what serves, so the index
     * serves as soon as it is built and the tests run next on a thread of their own (their first
     * questions also warm the answer path before users ask); required tests still run first.
     */
    public void loadAtStartup() {
        if (config.tests().required()) {
            load(true);
            return;
        }
        KnowledgeIndex index = load(false);
        startupTests = CompletableFuture.runAsync(() -> testServing(index),
                task -> DaemonThreads.factory("knowledge-tests").newThread(task).start());
    }

    /** Waits until the startup index's knowledge tests have run, for a caller that reports them. */
    public void awaitStartupTests() {
        startupTests.join();
    }

    private KnowledgeIndex load(boolean testFirst) {
        lock.lock();
        try {
            lastAttempt = clock.instant();
            long start = System.nanoTime();
            FactBase facts = new KnowledgeLoader(config.maxWords(), config.maxFileSize().asLongValue())
                    .load(config.dir());
            KnowledgeIndex index = builder.build(facts);
            if (testFirst) {
                test(index);
            }
            holder.swap(index);
            lastError = null;
            LOG.infof("Indexed %d snippets from %s in %d ms", facts.size(), config.dir().toAbsolutePath(),
                    (System.nanoTime() - start) / 1_000_000);
            return index;
        } finally {
            lock.unlock();
        }
    }

    /** Tests an index that already serves, unless a reload replaced it meanwhile (its own tests then ran). */
    private void testServing(KnowledgeIndex index) {
        lock.lock();
        try {
            if (holder.current() == index) {
                test(index);
            }
        } catch (RuntimeException e) {
            LOG.error("The knowledge tests could not run", e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs the knowledge tests on an index not serving yet; failing required tests throw. */
    private void test(KnowledgeIndex index) {
        long start = System.nanoTime();
        KnowledgeTestReport report = tests.run(index);
        lastTests = report;
        if (report.passed()) {
            LOG.infof("Knowledge tests: all %d passed in %d ms", report.results().size(),
                    (System.nanoTime() - start) / 1_000_000);
        } else if (config.tests().required()) {
            throw new KnowledgeException("The knowledge tests failed (knowledge.tests.required=true)",
                    report.failures());
        } else {
            LOG.warnf("Knowledge tests failed; serving the fact base anyway (knowledge.tests.required=false):%n  %s",
                    String.join(System.lineSeparator() + "  ", report.failures()));
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
        Map<String, Integer> snippetsByFile = new LinkedHashMap<>();
        if (index != null) {
            index.facts().snippets().forEach(s -> snippetsByFile.merge(s.location().file(), 1, Integer::sum));
        }
        return new KnowledgeStatus(List.copyOf(snippetsByFile.keySet()), index == null ? 0 : index.facts().size(),
                snippetsByFile, index == null ? null : index.calibration(), index == null ? null : index.builtAt(),
                lastAttempt, lastError, lastTests);
    }
}
