package io.github.groundedbot.embedding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddingCacheTest {

    @TempDir
    Path dir;

    private final Map<String, float[]> vectors = Map.of(
            EmbeddingCache.key("first snippet"), new float[]{0.1f, 0.2f, 0.3f},
            EmbeddingCache.key("second snippet"), new float[]{-1f, 0f, 1f});

    @Test
    void roundTripsVectorsByTextKey() {
        EmbeddingCache cache = new EmbeddingCache(dir.resolve("e.bin"), "model-a");
        cache.write(vectors);

        Map<String, float[]> read = cache.read();
        assertThat(read).hasSize(2);
        assertThat(read.get(EmbeddingCache.key("second snippet"))).containsExactly(-1f, 0f, 1f);
    }

    @Test
    void missingFileIsAnEmptyCache() {
        assertThat(new EmbeddingCache(dir.resolve("none.bin"), "model-a").read()).isEmpty();
    }

    @Test
    void anotherModelsVectorsAreNeverUsed() {
        new EmbeddingCache(dir.resolve("e.bin"), "model-a").write(vectors);
        assertThat(new EmbeddingCache(dir.resolve("e.bin"), "model-b").read()).isEmpty();
    }

    @Test
    void corruptTruncatedOrForeignFilesAreIgnored() throws IOException {
        Path file = dir.resolve("e.bin");
        EmbeddingCache cache = new EmbeddingCache(file, "model-a");
        cache.write(vectors);
        byte[] good = Files.readAllBytes(file);

        byte[] flipped = good.clone();
        flipped[good.length - 12] ^= 0x40; // a float inside the data
        Files.write(file, flipped);
        assertThat(cache.read()).as("checksum mismatch").isEmpty();

        Files.write(file, Arrays.copyOf(good, good.length - 20));
        assertThat(cache.read()).as("truncated").isEmpty();

        Files.writeString(file, "{\"not\": \"a cache\"}");
        assertThat(cache.read()).as("foreign file").isEmpty();

        cache.write(vectors);
        assertThat(cache.read()).as("rebuilt by the next write").hasSize(2);
    }

    @Test
    void writeLeavesNoTemporaryFiles() throws IOException {
        new EmbeddingCache(dir.resolve("e.bin"), "model-a").write(vectors);
        new EmbeddingCache(dir.resolve("e.bin"), "model-a").write(vectors);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("e.bin");
        }
    }
}
