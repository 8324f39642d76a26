package io.github.groundedbot.retrieval;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Loads and indexes the fact base at startup; a broken fact base stops startup with its problems.
 * Later changes are reloaded by {@link KnowledgeWatcher}, keeping the last good index on failure.
 */
@ApplicationScoped
public class IndexLifecycle {

    private final KnowledgeReloader reloader;
    private final KnowledgeWatcher watcher;

    public IndexLifecycle(KnowledgeReloader reloader, KnowledgeWatcher watcher) {
        this.reloader = reloader;
        this.watcher = watcher;
    }

    void onStart(@Observes StartupEvent event) {
        // Taken before loading, so an edit made while the first index builds is still seen as a change.
        watcher.remember();
        reloader.loadAtStartup();
        watcher.start();
    }
}
