package io.github.groundedbot.embedding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MiniLmEmbeddingModelTest {

    @TempDir
    Path dir;

    @Test
    void unpacksTheModelOnceAndReusesTheFile() throws IOException {
        Path first = MiniLmEmbeddingModel.unpacked(dir.resolve("models")).orElseThrow();
        FileTime written = Files.getLastModifiedTime(first);

        Path second = MiniLmEmbeddingModel.unpacked(dir.resolve("models")).orElseThrow();

        assertThat(second).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(second)).isEqualTo(written);
        assertThat(Files.size(first)).isGreaterThan(1_000_000);
        try (var files = Files.list(dir.resolve("models"))) {
            assertThat(files).as("no temp file left behind").containsExactly(first);
        }
    }

    @Test
    void anUnwritablePlaceFallsBackToTheJar() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");

        assertThat(MiniLmEmbeddingModel.unpacked(notADirectory)).isEmpty();
    }

    @Test
    void theUnpackedModelEmbedsExactlyLikeTheJarCopy() {
        var fromJar = new MiniLmEmbeddingModel(1, Runnable::run);
        var fromDisk = new MiniLmEmbeddingModel(1, Runnable::run, Optional.of(dir));

        float[] a = fromJar.embed("export rules for advanced chips").content().vector();
        float[] b = fromDisk.embed("export rules for advanced chips").content().vector();

        assertThat(b).hasSameSizeAs(a);
        for (int i = 0; i < a.length; i++) {
            assertThat(b[i]).isCloseTo(a[i], within(1e-6f));
        }
    }
}
