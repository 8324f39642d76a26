package io.github.groundedbot.retrieval;

import io.github.groundedbot.concurrent.DaemonThreads;
import io.github.groundedbot.knowledge.FactFiles;
import io.github.groundedbot.knowledge.KnowledgeConfig;
import io.github.groundedbot.knowledge.KnowledgeTestLoader;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Polls {@code knowledge.dir} for changed fact files and knowledge tests (the {@link FactFiles}
 * listing: names, link targets, sizes and modification times). Polling rather than a WatchService:
 * it sees nested folders, network and container mounts (a ConfigMap update swaps a link) and
 * editors that save by rename alike, and costs one directory walk per interval.
 * <p>
 * A change is loaded once it has held still for one interval, or after
 * {@code knowledge.watch.settle-timeout} if it never does. Nothing a poll meets, an {@link Error}
 * included, stops the polling: it is logged and the next poll runs.
 */
@ApplicationScoped
public class KnowledgeWatcher {

    private static final Logger LOG = Logger.getLogger(KnowledgeWatcher.class);
    private static final long MIN_INTERVAL_MILLIS = 50;

    private final KnowledgeConfig config;
    private final KnowledgeReloader reloader;
    private ScheduledExecutorService poller;
    /** The files as last loaded, and as seen at the previous poll (for the debounce); used by the poller only. */
    private FactFiles.Listing loaded = FactFiles.Listing.EMPTY;
    private FactFiles.Listing previous = FactFiles.Listing.EMPTY;
    /** {@link System#nanoTime()} when the files were first seen changing without holding still since. */
    private Long changingSince;

    public KnowledgeWatcher(KnowledgeConfig config, KnowledgeReloader reloader) {
        this.config = config;
        this.reloader = reloader;
    }

    void remember() {
        loaded = listing();
        previous = loaded;
    }

    void start() {
        if (!config.watch().enabled()) {
            LOG.info("Not watching the fact base for changes (knowledge.watch.enabled=false)");
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory("knowledge-watcher"));
        long every = Math.max(MIN_INTERVAL_MILLIS, config.watch().interval().toMillis());
        poller.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    private void poll() {
        // A scheduled task that throws is never run again: nothing may leave this method.
        try {
            FactFiles.Listing now = listing();
            if (now.equals(loaded)) {
                changingSince = null;
            } else if (now.equals(previous)) {
                reload(now, "files changed in " + config.dir());
            } else if (changingSince == null) {
                changingSince = System.nanoTime();
            } else if (Duration.ofNanos(System.nanoTime() - changingSince).compareTo(config.watch().settleTimeout()) >= 0) {
                LOG.warnf("Fact files in %s kept changing for longer than knowledge.watch.settle-timeout (%s): %s; "
                        + "loading them as they are now", config.dir(), config.watch().settleTimeout(),
                        changed(previous, now));
                reload(now, "files still changing in " + config.dir());
            }
            previous = now;
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "Checking %s for changes failed (%s); the watcher keeps watching", config.dir(), e);
        }
    }

    private void reload(FactFiles.Listing now, String why) {
        loaded = now;
        changingSince = null;
        reloader.reload(why);
    }

    /** Names of the files added, changed or removed between two listings. */
    private static List<String> changed(FactFiles.Listing before, FactFiles.Listing after) {
        Set<FactFiles.FactFile> unchanged = new HashSet<>(before.files());
        unchanged.retainAll(after.files());
        Set<FactFiles.FactFile> changed = new HashSet<>(before.files());
        changed.addAll(after.files());
        changed.removeAll(unchanged);
        return changed.stream().map(FactFiles.FactFile::name).distinct().sorted().toList();
    }

    private FactFiles.Listing listing() {
        Path dir = config.dir();
        if (!Files.isDirectory(dir)) {
            return FactFiles.Listing.EMPTY;
        }
        try {
            return FactFiles.list(dir, KnowledgeWatcher::watched);
        } catch (IOException e) {
            LOG.debugf("Listing %s failed: %s", dir, e);
            return FactFiles.Listing.EMPTY;
        }
    }

    /** Fact files and the knowledge tests kept beside them. */
    private static boolean watched(String name) {
        return name.endsWith(".md") || KnowledgeTestLoader.isTestFile(name);
    }

    @PreDestroy
    void stop() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
