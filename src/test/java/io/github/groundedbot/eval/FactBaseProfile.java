package io.github.groundedbot.eval;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.nio.file.Path;
import java.util.Map;

/** Runs the bot on another fact base, loaded through {@code knowledge.dir}; one subclass per base. */
public abstract class FactBaseProfile implements QuarkusTestProfile {

    private final Path dir;

    protected FactBaseProfile(Path dir) {
        this.dir = dir;
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("knowledge.dir", dir.toString());
    }
}
