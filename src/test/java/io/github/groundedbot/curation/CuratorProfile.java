package io.github.groundedbot.curation;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The curator tests' application: a copy of the default fact base (its knowledge tests included) in
 * a fresh folder that tests may edit, watched every 200 ms, a feedback file of its own, and an admin
 * token. Test classes with this profile share one boot, so a test that edits the folder puts it back
 * before it ends.
 */
public class CuratorProfile implements QuarkusTestProfile {

    public static final String TOKEN = "curator-test-token";
    public static final Path DIR = copyOf(Path.of("knowledge"));

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("knowledge.dir", DIR.toString(),
                "knowledge.watch.interval", "200ms",
                "embedding.cache-file", "target/curator-test-embeddings.bin",
                "feedback.file", DIR.resolveSibling(DIR.getFileName() + "-feedback.jsonl").toString(),
                "admin.token", TOKEN);
    }

    /** A copy of a fact base folder (not nested) in a fresh temporary folder. */
    public static Path copyOf(Path source) {
        try {
            Path dir = Files.createTempDirectory("facts");
            try (Stream<Path> files = Files.list(source)) {
                for (Path file : files.toList()) {
                    Files.copy(file, dir.resolve(file.getFileName()));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
