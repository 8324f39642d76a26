package io.github.groundedbot.state;

import io.quarkus.redis.datasource.RedisDataSource;
import io.smallrye.faulttolerance.api.TypedGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The Redis connection as the shared stores see it: a call either succeeds, or fails fast and
 * the caller falls back to local memory. Every call goes through one SmallRye Fault Tolerance
 * guard: a short timeout ({@code state.timeout}), so a slow Redis counts as a failing one, and a
 * circuit breaker, so once calls fail Redis is left alone for {@code state.retry-after} and the
 * several calls one question makes go straight to memory. After that wait one call tries Redis
 * again, so the bot recovers by itself when Redis returns.
 */
@ApplicationScoped
public class Redis {

    private static final Logger LOG = Logger.getLogger(Redis.class);
    /** Share of failed calls in the breaker's window that opens it. */
    private static final double FAILURE_RATIO = 0.5;

    private final StateConfig config;
    private final Instance<RedisDataSource> dataSource;
    private final TypedGuard<Object> guard;
    private final AtomicReference<String> lastError = new AtomicReference<>();

    public Redis(StateConfig config, Instance<RedisDataSource> dataSource) {
        this.config = config;
        this.dataSource = dataSource;
        this.guard = TypedGuard.create(Object.class)
                .withDescription("redis")
                .withTimeout().duration(config.timeout().toMillis(), ChronoUnit.MILLIS).done()
                .withCircuitBreaker()
                .requestVolumeThreshold(config.breakerWindow())
                .failureRatio(FAILURE_RATIO)
                .delay(config.retryAfter().toMillis(), ChronoUnit.MILLIS)
                .onStateChange(state -> LOG.infof("Redis circuit breaker: %s", state))
                .done()
                .build();
    }

    public boolean enabled() {
        return config.store() == StateConfig.Store.REDIS;
    }

    public String key(String name) {
        return config.keyPrefix() + name;
    }

    /**
     * Runs a call against Redis; empty when Redis is off, resting after failures, or failing now.
     * The call must not return null (wrap a nil reply in an {@code Optional} or a boolean).
     */
    public <T> Optional<T> call(Function<RedisDataSource, T> call) {
        if (!enabled()) {
            return Optional.empty();
        }
        try {
            T result = guarded(call);
            if (lastError.getAndSet(null) != null) {
                LOG.info("Redis is reachable again: shared state is back");
            }
            return Optional.of(result);
        } catch (CircuitBreakerOpenException e) {
            return Optional.empty(); // resting: the failure that opened the breaker was logged
        } catch (RuntimeException e) {
            if (lastError.getAndSet(describe(e)) == null) {
                LOG.warnf("Redis failed (%s): using local memory until it is back", describe(e));
            }
            return Optional.empty();
        }
    }

    /** Why Redis is not usable, or empty when it is (or is not used). */
    public Optional<String> problem() {
        return Optional.ofNullable(lastError.get());
    }

    /** Pings Redis now, for readiness; while the breaker is open, reports why without calling. */
    public Optional<String> ping() {
        if (!enabled()) {
            return Optional.empty();
        }
        try {
            guarded(ds -> ds.execute("PING"));
            lastError.set(null);
            return Optional.empty();
        } catch (CircuitBreakerOpenException e) {
            return Optional.of("circuit breaker open after failed calls; last failure: "
                    + Optional.ofNullable(lastError.get()).orElse("unknown"));
        } catch (RuntimeException e) {
            lastError.set(describe(e));
            return Optional.of(describe(e));
        }
    }

    @SuppressWarnings("unchecked") // the guard is typed Object only because the calls' types vary; T is the call's
    private <T> T guarded(Function<RedisDataSource, T> call) {
        return (T) guard.get(() -> call.apply(dataSource.get()));
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
