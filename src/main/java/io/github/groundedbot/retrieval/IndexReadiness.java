package io.github.groundedbot.retrieval;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import jakarta.enterprise.context.ApplicationScoped;

/** Ready only once a knowledge index is serving. */
@Readiness
@ApplicationScoped
public class IndexReadiness implements HealthCheck {

    private final IndexHolder holder;

    public IndexReadiness(IndexHolder holder) {
        this.holder = holder;
    }

    @Override
    public HealthCheckResponse call() {
        return holder.ready()
                .map(index -> HealthCheckResponse.named("knowledge-index").up()
                        .withData("snippets", index.facts().size())
                        .withData("builtAt", index.builtAt().toString())
                        .build())
                .orElseGet(() -> HealthCheckResponse.named("knowledge-index").down().build());
    }
}
