package io.github.groundedbot.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A folder laid out and updated the way the kubelet mounts a ConfigMap: the files live in a hidden
 * {@code ..<timestamp>} folder, {@code ..data} links to the current one and is swapped by a rename
 * at each update, and each visible name links to {@code ..data/<name>}.
 */
public final class ConfigMapMount {

    private static final String DATA = "..data";

    private final Path dir;
    private int updates;

    public ConfigMapMount(Path dir) {
        this.dir = dir;
    }

    /** Publishes these files (name to content) as the ConfigMap's new version. */
    public void publish(Map<String, String> files) throws IOException {
        Optional<Path> old = Files.isSymbolicLink(dir.resolve(DATA))
                ? Optional.of(dir.resolve(Files.readSymbolicLink(dir.resolve(DATA)))) : Optional.empty();
        updates++;
        Path version = dir.resolve(String.format("..2026_12_01_10_%02d_00.%03d", updates, 100 + updates));
        Files.createDirectories(version);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(version.resolve(file.getKey()), file.getValue());
        }
        Path swap = dir.resolve("..data_tmp");
        Files.createSymbolicLink(swap, version.getFileName());
        Files.move(swap, dir.resolve(DATA), StandardCopyOption.ATOMIC_MOVE);
        for (String name : files.keySet()) {
            Path visible = dir.resolve(name);
            if (!Files.isSymbolicLink(visible)) {
                Files.createSymbolicLink(visible, Path.of(DATA, name));
            }
        }
        if (old.isPresent()) {
            try (Stream<Path> walk = Files.walk(old.get())) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
