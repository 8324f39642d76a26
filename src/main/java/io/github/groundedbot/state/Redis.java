package io.github.groundedbot.state;

import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The Redis connection as the shared stores see it: a call either succeeds, or fails fast and
 * the caller falls back to local memory. After a failure Redis is left alone for
 * {@code state.retry-after}, then tried again, so the bot recovers by itself when Redis returns
 * and does not wait on a dead connection for every question meanwhile.
 */
@ApplicationScoped
public class Redis {

    private static final Logger LOG = Logger.getLogger(Redis.class);

    private final StateConfig config;
    private final Instance<RedisDataSource> dataSource;
    private final Clock clock;
    private final AtomicReference<Instant> downUntil = new AtomicReference<>(Instant.MIN);
    private final AtomicReference<String> lastError = new AtomicReference<>();

    public Redis(StateConfig config, Instance<RedisDataSource> dataSource, Clock clock) {
        this.config = config;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public boolean enabled() {
        return config.store() == StateConfig.Store.REDIS;
    }

    public String key(String name) {
        return config.keyPrefix() + name;
    }

    /**
     * Runs a call against Redis; empty when Redis is off, resting after a failure, or failing now.
     * The call must not return null (wrap a nil reply in an {@code Optional} or a boolean).
     */
    public <T> Optional<T> call(Function<RedisDataSource, T> call) {
        if (!enabled() || clock.instant().isBefore(downUntil.get())) {
            return Optional.empty();
        }
        try {
            T result = call.apply(dataSource.get());
            if (lastError.getAndSet(null) != null) {
                LOG.info("Redis is reachable again: shared state is back");
            }
            return Optional.of(result);
        } catch (RuntimeException e) {
            downUntil.set(clock.instant().plus(config.retryAfter()));
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

    /** Pings Redis now, for readiness. */
    public Optional<String> ping() {
        if (!enabled()) {
            return Optional.empty();
        }
        try {
            dataSource.get().execute("PING");
            lastError.set(null);
            downUntil.set(Instant.MIN);
            return Optional.empty();
        } catch (RuntimeException e) {
            lastError.set(describe(e));
            return Optional.of(describe(e));
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
