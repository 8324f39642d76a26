package io.github.groundedbot.limits;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.time.Duration;
import java.util.Map;

/** Admission control outside Quarkus, for unit tests: the {@code limits.*} defaults with some overridden. */
public final class Admissions {

    private Admissions() {
    }

    /** @param limits properties without their {@code limits.} prefix, e.g. {@code "burst" -> "1"} */
    public static Admission withLimits(Map<String, String> limits) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().withMapping(LimitsConfig.class)
                // Quarkus's own form of durations ("2s", "15m"), as the application reads them.
                .withConverter(Duration.class, 100, new DurationConverter());
        limits.forEach((name, value) -> builder.withDefaultValue("limits." + name, value));
        LimitsConfig config = builder.build().unwrap(SmallRyeConfig.class).getConfigMapping(LimitsConfig.class);
        return new Admission(new TokenBucketRateLimiter(config), config, new SimpleMeterRegistry());
    }
}
