package io.github.groundedbot.eval;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Where the evaluation question sets and fact bases live, and reading them. */
public final class EvalFiles {

    /** System property naming the shared evaluation folder, for a checkout that is not beside it. */
    public static final String SHARED_PROPERTY = "eval.shared";

    /** This repository's own question sets. */
    public static final Path OWN = Path.of("src/test/resources/eval");

    /** This repository's own extra fact bases, each a folder with {@code kb/} (or the facts) and questions. */
    public static final Path FACT_BASES = Path.of("src/test/resources/factbases");

    /**
     * The shared development set ({@code shared/eval}): named by {@value #SHARED_PROPERTY}, else found
     * beside the repository or beside one of the folders above it (so a git worktree in a subfolder
     * finds it too). Absent on machines that do not have it; tests then skip what needs it.
     */
    public static final Optional<Path> SHARED = locateShared();

    private static final ObjectMapper JSON = new ObjectMapper();

    private EvalFiles() {
    }

    private static Optional<Path> locateShared() {
        String named = System.getProperty(SHARED_PROPERTY);
        if (named != null) {
            return Optional.of(Path.of(named)).filter(Files::isDirectory);
        }
        for (Path dir = Path.of("").toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            Path shared = dir.resolve("shared").resolve("eval");
            if (Files.isDirectory(shared)) {
                return Optional.of(shared);
            }
        }
        return Optional.empty();
    }

    /** A file of the shared set, when the shared set and that file are present. */
    public static Optional<Path> shared(String file) {
        return SHARED.map(dir -> dir.resolve(file)).filter(Files::exists);
    }

    /** One JSON object per non-blank line; a file without any is an error, never an empty set that scores 100%. */
    public static <T> List<T> read(Path file, Class<T> type) {
        List<T> items = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    items.add(JSON.readValue(line, type));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (items.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no evaluation cases");
        }
        return items;
    }

    /** The questions of a set. */
    public static List<EvalCase> questions(Path file) {
        return read(file, EvalCase.class);
    }
}
