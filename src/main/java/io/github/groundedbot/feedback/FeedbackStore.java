package io.github.groundedbot.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The feedback file: JSON Lines, only ever appended to, so curators can read and grep it with
 * ordinary tools. Appends hold one lock, so two requests never interleave their lines; each
 * starts on a fresh line even when the last one was cut short (a crash, a full disk). Past
 * {@code feedback.max-file-size} the file is rotated to {@code <file>.1}, {@code .2}, ...
 * <p>
 * Listing reads backwards from the end of the files, a block at a time, until it has the entries
 * it wants, so its cost follows the number listed rather than the size of the file. The lock is
 * held only to open the files and note their sizes: the reading itself never delays an append.
 */
@ApplicationScoped
public class FeedbackStore {

    private static final Logger LOG = Logger.getLogger(FeedbackStore.class);
    private static final byte NEWLINE = '\n';
    /** Bytes read at a time when walking back from the end of a file. */
    private static final int BLOCK_SIZE = 64 * 1024;
    /**
     * Longest line read back. Entries are bounded by the request limits (a few tens of KB); a longer
     * line is damage, and is skipped rather than held in memory.
     */
    private static final int MAX_LINE_BYTES = 1024 * 1024;

    private final Path file;
    private final long maxFileBytes;
    private final int rotatedFiles;
    private final ObjectMapper json;
    private final Object appendLock = new Object();

    @Inject
    public FeedbackStore(FeedbackConfig config, ObjectMapper json) {
        this(config.file(), config.maxFileSize().asLongValue(), config.maxRotatedFiles(), json);
    }

    FeedbackStore(Path file, long maxFileBytes, int rotatedFiles, ObjectMapper json) {
        if (maxFileBytes < 1 || rotatedFiles < 0) {
            throw new IllegalArgumentException("feedback.max-file-size must be positive and feedback.max-rotated-files "
                    + "at least 0; got " + maxFileBytes + " and " + rotatedFiles);
        }
        this.file = file.toAbsolutePath();
        this.maxFileBytes = maxFileBytes;
        this.rotatedFiles = rotatedFiles;
        this.json = json;
    }

    public Path file() {
        return file;
    }

    /** Appends one entry as one line and forces it to disk before returning. */
    public void append(Feedback entry) {
        byte[] line;
        try {
            // Jackson escapes newlines inside strings, so the entry is exactly one line.
            line = (json.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a record of strings always serialises
        }
        synchronized (appendLock) {
            try {
                Path parent = file.getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                long size = Files.exists(file) ? Files.size(file) : 0;
                if (size > 0 && size + line.length > maxFileBytes) {
                    rotate();
                }
                try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE)) {
                    long end = out.size();
                    ByteBuffer buffer = endsMidLine(out, end) ? ByteBuffer.allocate(line.length + 1).put(NEWLINE)
                            .put(line).flip() : ByteBuffer.wrap(line);
                    while (buffer.hasRemaining()) {
                        end += out.write(buffer, end);
                    }
                    out.force(false);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write feedback to " + file, e);
            }
        }
    }

    /**
     * The newest {@code limit} entries, newest first, from the current file and then the rotated
     * ones. Lines that do not parse (a line cut short by a crash, one edited by hand) are skipped
     * with a warning rather than failing the list.
     */
    public List<Feedback> recent(int limit) {
        List<Snapshot> snapshots = snapshots();
        try {
            List<Feedback> newestFirst = new ArrayList<>(Math.min(limit, 1024));
            for (Snapshot snapshot : snapshots) {
                if (newestFirst.size() >= limit) {
                    break;
                }
                readBackwards(snapshot, limit, newestFirst);
            }
            return newestFirst;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read feedback from " + file, e);
        } finally {
            snapshots.forEach(Snapshot::close);
        }
    }

    /** The files as they are now, newest first; opened under the lock so no rotation or append falls between. */
    private List<Snapshot> snapshots() {
        List<Snapshot> snapshots = new ArrayList<>();
        synchronized (appendLock) {
            for (int generation = 0; generation <= rotatedFiles; generation++) {
                Path path = generation(generation);
                try {
                    FileChannel in = FileChannel.open(path, StandardOpenOption.READ);
                    snapshots.add(new Snapshot(path, in, in.size()));
                } catch (NoSuchFileException e) {
                    break; // nobody has given feedback yet, or no older generation
                } catch (IOException e) {
                    snapshots.forEach(Snapshot::close);
                    throw new UncheckedIOException("Could not read feedback from " + path, e);
                }
            }
        }
        return snapshots;
    }

    /** Adds the snapshot's entries to {@code out}, newest first, until it holds {@code limit}. */
    private void readBackwards(Snapshot snapshot, int limit, List<Feedback> out) throws IOException {
        long position = snapshot.size();
        byte[] carry = new byte[0]; // the start of a line whose end was in the block read before
        boolean overlong = false;
        while (position > 0 && out.size() < limit) {
            int length = (int) Math.min(BLOCK_SIZE, position);
            position -= length;
            byte[] block = new byte[length + carry.length];
            ByteBuffer buffer = ByteBuffer.wrap(block, 0, length);
            while (buffer.hasRemaining()) {
                if (snapshot.channel().read(buffer, position + buffer.position()) < 0) {
                    throw new IOException("the file shrank while being read");
                }
            }
            System.arraycopy(carry, 0, block, length, carry.length);
            int lineEnd = block.length;
            for (int i = block.length - 1; i >= 0 && out.size() < limit; i--) {
                if (block[i] == NEWLINE) {
                    if (!overlong) {
                        parse(snapshot.path(), block, i + 1, lineEnd).ifPresent(out::add);
                    }
                    overlong = false;
                    lineEnd = i;
                }
            }
            carry = Arrays.copyOfRange(block, 0, lineEnd);
            if (carry.length > MAX_LINE_BYTES) {
                LOG.warnf("Skipping a feedback line over %d bytes in %s", MAX_LINE_BYTES, snapshot.path());
                carry = new byte[0];
                overlong = true;
            }
        }
        if (position == 0 && out.size() < limit && !overlong) {
            parse(snapshot.path(), carry, 0, carry.length).ifPresent(out::add); // the file's first line
        }
    }

    private Optional<Feedback> parse(Path path, byte[] bytes, int from, int to) {
        String line = new String(bytes, from, to - from, StandardCharsets.UTF_8);
        if (line.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(line, Feedback.class));
        } catch (JsonProcessingException e) {
            LOG.warnf("Skipping a feedback line that is not valid JSON in %s: %s", path, e.getOriginalMessage());
            return Optional.empty();
        }
    }

    /** Whether the last byte before {@code end} is not a newline, i.e. the file's last line was cut short. */
    private static boolean endsMidLine(FileChannel channel, long end) throws IOException {
        if (end == 0) {
            return false;
        }
        ByteBuffer last = ByteBuffer.allocate(1);
        channel.read(last, end - 1);
        return last.get(0) != NEWLINE;
    }

    /** {@code <file>.n} becomes {@code .n+1} (the oldest is dropped), then the file becomes {@code .1}. */
    private void rotate() throws IOException {
        Files.deleteIfExists(generation(rotatedFiles));
        for (int generation = rotatedFiles - 1; generation >= 0; generation--) {
            Path from = generation(generation);
            if (Files.exists(from)) {
                Files.move(from, generation(generation + 1), StandardCopyOption.ATOMIC_MOVE);
            }
        }
        LOG.infof("Rotated the feedback file %s (over %d bytes)", file, maxFileBytes);
    }

    /** The current file (0) or a rotated one ({@code <file>.n}). */
    private Path generation(int n) {
        return n == 0 ? file : file.resolveSibling(file.getFileName() + "." + n);
    }

    private record Snapshot(Path path, FileChannel channel, long size) {
        void close() {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debugf(e, "Closing %s failed", path);
            }
        }
    }
}
