package io.github.groundedbot.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The feedback file: JSON Lines, only ever appended to, so curators can read, grep and rotate it
 * with ordinary tools. Every write and read holds this store's lock, so two requests never
 * interleave their lines and a reader never sees half a line.
 */
@ApplicationScoped
public class FeedbackStore {

    private static final Logger LOG = Logger.getLogger(FeedbackStore.class);

    private final Path file;
    private final ObjectMapper json;

    @Inject
    public FeedbackStore(FeedbackConfig config, ObjectMapper json) {
        this(config.file(), json);
    }

    FeedbackStore(Path file, ObjectMapper json) {
        this.file = file.toAbsolutePath();
        this.json = json;
    }

    public Path file() {
        return file;
    }

    /** Appends one entry as one line and forces it to disk before returning. */
    public synchronized void append(Feedback entry) {
        byte[] line;
        try {
            // Jackson escapes newlines inside strings, so the entry is exactly one line.
            line = (json.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a record of strings always serialises
        }
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write feedback to " + file, e);
        }
    }

    /**
     * The newest {@code limit} entries, newest first. Lines that do not parse (say, a line cut
     * short by a crash, or one edited by hand) are skipped with a warning rather than failing the list.
     */
    public synchronized List<Feedback> recent(int limit) {
        Deque<String> tail = new ArrayDeque<>(limit);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            // One pass keeping only the last lines: memory stays bounded however long the file grows.
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                if (tail.size() == limit) {
                    tail.removeFirst();
                }
                tail.addLast(line);
            }
        } catch (NoSuchFileException e) {
            return List.of(); // nobody has given feedback yet
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read feedback from " + file, e);
        }
        List<Feedback> newestFirst = new ArrayList<>(tail.size());
        for (var lines = tail.descendingIterator(); lines.hasNext(); ) {
            String line = lines.next();
            try {
                newestFirst.add(json.readValue(line, Feedback.class));
            } catch (JsonProcessingException e) {
                LOG.warnf("Skipping a feedback line that is not valid JSON in %s: %s", file, e.getOriginalMessage());
            }
        }
        return newestFirst;
    }
}
