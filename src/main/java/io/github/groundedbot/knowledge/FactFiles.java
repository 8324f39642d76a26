package io.github.groundedbot.knowledge;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The {@code *.md} fact files under a knowledge folder (and the {@code *.tests.jsonl} knowledge tests
 * beside them), found the same way by the loaders and by the watcher that compares listings to see
 * changes.
 * <p>
 * Hidden entries (a name starting with '.') are skipped with everything under them: editors' lock
 * and swap files, and the {@code ..data} and {@code ..<timestamp>} folders through which Kubernetes
 * swaps a mounted ConfigMap, whose visible names are links into them. Links are followed only to
 * targets inside the folder; a link leading outside it, a link loop, or a file reached under two
 * names is a problem, so no file is ever read from elsewhere and no fact is loaded twice.
 */
public final class FactFiles {

    private FactFiles() {
    }

    /**
     * One fact file.
     *
     * @param name     its path relative to the folder with '/' separators, as the curator sees it;
     *                 snippet ids are made from it, so they stay the same when a link's target changes
     * @param target   the real file, links resolved: the file to read, known to be inside the folder
     * @param size     its size in bytes
     * @param modified when it was last modified
     */
    public record FactFile(String name, Path target, long size, FileTime modified) {
    }

    /**
     * @param files    the fact files, sorted by name
     * @param problems entries that are not read, each starting with its name (and line, for files)
     */
    public record Listing(List<FactFile> files, List<String> problems) {

        public static final Listing EMPTY = new Listing(List.of(), List.of());
    }

    /** Lists the fact files under {@code dir}, which must be an existing folder. */
    public static Listing list(Path dir) throws IOException {
        return list(dir, name -> name.endsWith(".md"));
    }

    /** Lists the files under {@code dir} whose file name {@code wanted} accepts, by the same rules. */
    public static Listing list(Path dir, Predicate<String> wanted) throws IOException {
        Path root = dir.toRealPath();
        List<FactFile> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) throws IOException {
                if (folder.equals(dir)) {
                    return FileVisitResult.CONTINUE;
                }
                if (hidden(folder)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (!folder.toRealPath().startsWith(root)) {
                    problems.add(name(dir, folder) + ": links to a folder outside the knowledge folder; "
                            + "only files inside it are read");
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (hidden(file) || !wanted.test(file.getFileName().toString()) || !attributes.isRegularFile()) {
                    return FileVisitResult.CONTINUE; // a link to nothing is not a file either
                }
                Path target = file.toRealPath();
                if (!target.startsWith(root)) {
                    problems.add(name(dir, file) + ":1: links to a file outside the knowledge folder; "
                            + "only files inside it are read");
                } else {
                    found.add(new FactFile(name(dir, file), target, attributes.size(), attributes.lastModifiedTime()));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) {
                if (failure instanceof FileSystemLoopException) {
                    problems.add(name(dir, file) + ": links back to a folder above it (a loop); remove the link");
                } else if (!(failure instanceof NoSuchFileException) && !hidden(file)) {
                    // A file deleted while listing is simply gone; anything else is worth telling.
                    problems.add(name(dir, file) + ": cannot be read (" + failure + ")");
                }
                return FileVisitResult.CONTINUE;
            }
        });

        found.sort(Comparator.comparing(FactFile::name));
        List<FactFile> files = new ArrayList<>();
        Map<Path, String> firstName = new HashMap<>();
        for (FactFile file : found) {
            String first = firstName.putIfAbsent(file.target(), file.name());
            if (first == null) {
                files.add(file);
            } else {
                problems.add(file.name() + ":1: is the same file as " + first + " (through a link); "
                        + "a fact file is loaded under one name only, so remove one of them");
            }
        }
        problems.sort(null); // they start with the entry's name; the walk's order is the file system's
        return new Listing(List.copyOf(files), List.copyOf(problems));
    }

    private static boolean hidden(Path entry) {
        Path name = entry.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static String name(Path dir, Path entry) {
        return dir.relativize(entry).toString().replace('\\', '/');
    }
}
