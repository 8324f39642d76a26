package io.github.groundedbot.retrieval;

import io.github.groundedbot.knowledge.KnowledgeConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Polls {@code knowledge.dir} for changed {@code *.md} files (path, size, modification time).
 * Polling rather than a WatchService: it sees nested folders, network and container mounts and
 * editors that save by rename alike, and costs one directory walk per interval.
 */
@ApplicationScoped
public class KnowledgeWatcher {

    private static final Logger LOG = Logger.getLogger(KnowledgeWatcher.class);

    private final KnowledgeConfig config;
    private final KnowledgeReloader reloader;
    private ScheduledExecutorService poller;
    /** The files as last loaded, and as seen at the previous poll (for the debounce). */
    private Map<String, String> loaded = Map.of();
    private Map<String, String> previous = Map.of();

    public KnowledgeWatcher(KnowledgeConfig config, KnowledgeReloader reloader) {
        this.config = config;
        this.reloader = reloader;
    }

    void remember() {
        loaded = snapshot();
        previous = loaded;
    }

    void start() {
        if (!config.watch().enabled()) {
            LOG.info("Not watching the fact base for changes (knowledge.watch.enabled=false)");
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "knowledge-watcher");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(50, config.watch().interval().toMillis());
        poller.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    private void poll() {
        try {
            Map<String, String> now = snapshot();
            // Reload once the change has held still for one interval: a save in several writes is read whole.
            if (!now.equals(loaded) && now.equals(previous)) {
                loaded = now;
                reloader.reload("files changed in " + config.dir());
            }
            previous = now;
        } catch (RuntimeException e) {
            LOG.warnf("Could not check %s for changes: %s", config.dir(), e.toString());
        }
    }

    private Map<String, String> snapshot() {
        Path dir = config.dir();
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(p -> p.getFileName().toString().endsWith(".md")).forEach(p -> {
                try {
                    BasicFileAttributes attributes = Files.readAttributes(p, BasicFileAttributes.class);
                    if (attributes.isRegularFile()) {
                        files.put(p.toString(), attributes.size() + "@" + attributes.lastModifiedTime().toMillis()
                                + "/" + attributes.lastModifiedTime().toInstant().getNano());
                    }
                } catch (IOException e) {
                    files.put(p.toString(), "unreadable"); // deleted while walking: the next poll settles it
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.debugf("Listing %s failed: %s", dir, e);
        }
        return files;
    }

    @PreDestroy
    void stop() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
