package io.github.groundedbot.retrieval;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once a knowledge index is serving. A broken edit on disk leaves the bot ready (the last good
 * index still answers) but shows in {@code lastError}, so monitoring sees what to fix.
 */
@Readiness
@ApplicationScoped
public class IndexReadiness implements HealthCheck {

    private final IndexHolder holder;
    private final KnowledgeReloader reloader;

    public IndexReadiness(IndexHolder holder, KnowledgeReloader reloader) {
        this.holder = holder;
        this.reloader = reloader;
    }

    @Override
    public HealthCheckResponse call() {
        return holder.ready()
                .map(index -> {
                    HealthCheckResponseBuilder up = HealthCheckResponse.named("knowledge-index").up()
                            .withData("snippets", index.facts().size())
                            .withData("builtAt", index.builtAt().toString());
                    KnowledgeStatus.LoadError error = reloader.status().lastError();
                    if (error != null) {
                        up.withData("lastError", String.join("; ", error.problems()))
                                .withData("lastErrorAt", error.at().toString());
                    }
                    return up.build();
                })
                .orElseGet(() -> HealthCheckResponse.named("knowledge-index").down().build());
    }
}
