package io.github.groundedbot.retrieval;

import io.github.groundedbot.knowledge.FactBase;
import io.github.groundedbot.knowledge.KnowledgeConfig;
import io.github.groundedbot.knowledge.KnowledgeLoader;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Loads and indexes the fact base at startup; a broken fact base stops startup with its problems. */
@ApplicationScoped
public class IndexLifecycle {

    private static final Logger LOG = Logger.getLogger(IndexLifecycle.class);

    private final KnowledgeConfig config;
    private final IndexBuilder builder;
    private final IndexHolder holder;

    public IndexLifecycle(KnowledgeConfig config, IndexBuilder builder, IndexHolder holder) {
        this.config = config;
        this.builder = builder;
        this.holder = holder;
    }

    void onStart(@Observes StartupEvent event) {
        long start = System.nanoTime();
        FactBase facts = new KnowledgeLoader(config.maxWords()).load(config.dir());
        holder.swap(builder.build(facts));
        LOG.infof("Indexed %d snippets from %s in %d ms", facts.size(), config.dir().toAbsolutePath(),
                (System.nanoTime() - start) / 1_000_000);
    }
}
