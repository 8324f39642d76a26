package io.github.groundedbot.embedding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class AtomicFileTest {

    @TempDir
    Path dir;

    @Test
    void replacesTheFileWhole() throws IOException {
        Path file = dir.resolve("e.bin");
        AtomicFile.replace(file, out -> out.write(new byte[]{1, 2, 3}));
        AtomicFile.replace(file, out -> out.write(new byte[]{4, 5}));

        assertThat(Files.readAllBytes(file)).containsExactly(4, 5);
        assertThat(names()).containsExactly("e.bin");
    }

    @Test
    void aTempFileLeftByACrashedWriteIsRemovedByTheNextWrite() throws IOException {
        Path file = dir.resolve("e.bin");
        Files.write(dir.resolve("e.bin8214675309.tmp"), new byte[4096]); // a kill -9 mid-write leaves this
        Files.writeString(dir.resolve("e.bin.bak"), "not ours");
        Files.writeString(dir.resolve("other.bin123.tmp"), "not ours either");

        AtomicFile.replace(file, out -> out.write(1));

        assertThat(names()).containsExactlyInAnyOrder("e.bin", "e.bin.bak", "other.bin123.tmp");
    }

    @Test
    void aTempFileStillBeingWrittenIsLeftAlone() throws IOException {
        Path file = dir.resolve("e.bin");
        Path inProgress = dir.resolve("e.bin42.tmp");
        try (FileChannel channel = FileChannel.open(inProgress, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock writing = channel.lock()) {
            AtomicFile.replace(file, out -> out.write(1));

            assertThat(names()).containsExactlyInAnyOrder("e.bin", "e.bin42.tmp");
        }
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(path -> path.getFileName().toString()).toList();
        }
    }
}
