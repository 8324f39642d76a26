package io.github.groundedbot.embedding;

import com.sun.management.ThreadMXBean;
import io.github.groundedbot.CapturedLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddingCacheTest {

    /** Magic, version, the model id "model-a" as modified UTF-8, dimension: the entry count comes next. */
    private static final int COUNT_OFFSET = 4 + 4 + 2 + "model-a".length() + 4;
    /** Far above what reading a small file needs (buffers), far below a map sized by a damaged count. */
    private static final long MAX_READ_ALLOCATION = 64L << 20;

    @TempDir
    Path dir;

    @RegisterExtension
    final CapturedLog warnings = new CapturedLog(EmbeddingCache.class);

    private final Map<String, float[]> vectors = Map.of(
            EmbeddingCache.key("first snippet"), new float[]{0.1f, 0.2f, 0.3f},
            EmbeddingCache.key("second snippet"), new float[]{-1f, 0f, 1f});

    private Path file;
    private EmbeddingCache cache;

    @BeforeEach
    void newCache() {
        file = dir.resolve("e.bin");
        cache = new EmbeddingCache(file, "model-a");
    }

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
    void aFlippedBitInTheEntryCountIsIgnoredWithoutAllocatingForIt() throws IOException {
        byte[] good = writeGoodFile();
        byte[] damaged = good.clone();
        damaged[COUNT_OFFSET] ^= 0x20; // 2 entries become 536,870,914: a 4 GB map if believed
        Files.write(file, damaged);

        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        Map<String, float[]> read = cache.read();
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(read).isEmpty();
        assertThat(allocated).as("bytes allocated to read a %d-byte file", damaged.length).isLessThan(MAX_READ_ALLOCATION);
        assertThat(warnings.take()).hasSize(1).first().asString().contains("does not match its header");

        cache.write(vectors);
        assertThat(cache.read()).as("replaced by the next write").hasSize(2);
    }

    @Test
    void aFlippedBitAnywhereIsIgnoredWithOneLogLine() throws IOException {
        byte[] good = writeGoodFile();
        for (int i = 0; i < good.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] damaged = good.clone();
                damaged[i] ^= (byte) (1 << bit);
                Files.write(file, damaged);
                assertThat(cache.read()).as("bit %d of byte %d flipped", bit, i).isEmpty();
                assertThat(warnings.take()).as("log lines for bit %d of byte %d", bit, i).hasSize(1);
            }
        }
    }

    @Test
    void truncatedGarbageOrForeignFilesAreIgnoredAndReplacedByTheNextWrite() throws IOException {
        byte[] good = writeGoodFile();
        Random random = new Random(15);
        List<byte[]> damaged = new ArrayList<>();
        for (int length = 0; length < good.length; length += 7) {
            damaged.add(Arrays.copyOf(good, length));
        }
        damaged.add(Arrays.copyOf(good, good.length + 100)); // trailing bytes
        byte[] garbage = new byte[good.length];
        random.nextBytes(garbage);
        damaged.add(garbage);
        byte[] garbageAfterHeader = good.clone();
        random.nextBytes(garbage);
        System.arraycopy(garbage, 0, garbageAfterHeader, COUNT_OFFSET + 4, good.length - COUNT_OFFSET - 4);
        damaged.add(garbageAfterHeader);
        damaged.add("{\"not\": \"a cache\"}".getBytes(StandardCharsets.UTF_8));

        for (byte[] content : damaged) {
            Files.write(file, content);
            assertThat(cache.read()).as("%d bytes", content.length).isEmpty();
            assertThat(warnings.take()).as("log lines for %d bytes", content.length).hasSize(1)
                    .first().asString().startsWith("Ignoring the embedding cache");
        }

        cache.write(vectors);
        assertThat(Files.readAllBytes(file)).as("the next write replaces the damaged file").isEqualTo(good);
        assertThat(cache.read()).hasSize(2);
    }

    @Test
    void anEmptyCacheRoundTrips() {
        cache.write(Map.of());
        assertThat(cache.read()).isEmpty();
        assertThat(warnings.take()).isEmpty();
    }

    private byte[] writeGoodFile() throws IOException {
        cache.write(vectors);
        assertThat(cache.read()).hasSize(2);
        return Files.readAllBytes(file);
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
