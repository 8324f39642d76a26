package io.github.groundedbot.state;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * With {@code state.store=redis}, not ready while Redis is unreachable: a load balancer should
 * prefer replicas with shared memory. Questions are still answered meanwhile, without it.
 */
@Readiness
@ApplicationScoped
public class RedisReadiness implements HealthCheck {

    private final Redis redis;

    public RedisReadiness(Redis redis) {
        this.redis = redis;
    }

    @Override
    public HealthCheckResponse call() {
        if (!redis.enabled()) {
            return HealthCheckResponse.named("shared-state").up().withData("store", "memory").build();
        }
        return redis.ping()
                .map(problem -> HealthCheckResponse.named("shared-state").down().withData("store", "redis")
                        .withData("reason", "Redis is unreachable (" + problem + "); answering without shared memory")
                        .build())
                .orElseGet(() -> HealthCheckResponse.named("shared-state").up().withData("store", "redis").build());
    }
}
