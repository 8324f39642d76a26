package io.github.groundedbot.embedding;

import org.jboss.logging.Logger;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;

/**
 * Replaces a file whole: the content goes to a temp file beside it, is synced to disk, then renamed
 * over the target, so a crash leaves either the old file or the new one, never half of one.
 * <p>
 * A crash in the middle leaves the temp file behind. The writer holds a lock on its temp file, which
 * the operating system drops when the process dies, so the next write deletes the temp files of the
 * same target that nobody holds: repeated crashes (a restart loop) do not fill the disk.
 */
final class AtomicFile {

    private static final Logger LOG = Logger.getLogger(AtomicFile.class);
    private static final String TEMP_SUFFIX = ".tmp";

    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    static void replace(Path file, Content content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        String prefix = file.getFileName().toString();
        removeLeftovers(dir, prefix);
        Path temp = Files.createTempFile(dir, prefix, TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 FileLock writing = channel.lock()) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                content.writeTo(out);
                out.flush();
                channel.force(true); // on disk before the rename makes it the file
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // best effort: the next write removes it
            }
            throw e;
        }
    }

    /** Deletes the temp files of earlier writes of this file that no live process holds: leftovers of a crash. */
    private static void removeLeftovers(Path dir, String prefix) {
        // Files.createTempFile names them <prefix><digits><suffix>.
        Pattern name = Pattern.compile(Pattern.quote(prefix) + "\\d+" + Pattern.quote(TEMP_SUFFIX));
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir,
                path -> name.matcher(path.getFileName().toString()).matches())) {
            for (Path temp : temps) {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                     FileLock unused = channel.tryLock()) {
                    if (unused != null) {
                        Files.delete(temp);
                        LOG.infof("Removed %s, left over from an interrupted write", temp);
                    }
                } catch (OverlappingFileLockException writtenByThisProcess) {
                    // another thread of this process is writing it
                } catch (IOException e) {
                    LOG.debugf("Could not remove %s: %s", temp, e);
                }
            }
        } catch (IOException e) {
            LOG.debugf("Could not look for leftover temp files in %s: %s", dir, e);
        }
    }
}
