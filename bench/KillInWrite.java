import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches for the temporary file of an atomic write of TARGET (TARGET's name + anything + ".tmp",
 * beside it) through the file system's change notifications (inotify on Linux), not by polling.
 * <pre>
 *   java bench/KillInWrite.java kill PID TARGET TIMEOUT_S   kill -9 PID as soon as the temporary file
 *                                                            holds data, then say where the kill landed
 *   java bench/KillInWrite.java time TARGET TIMEOUT_S        how long the temporary file exists
 * </pre>
 * Prints "watching" once the watch is set, then one line of key=value results:
 * {@code killed_in_write=yes} means that after PID was gone the temporary file was still there
 * (the rename never happened) and TARGET had not been replaced.
 */
public class KillInWrite {

    public static void main(String[] args) throws Exception {
        boolean kill = args[0].equals("kill");
        Optional<ProcessHandle> process = kill ? ProcessHandle.of(Long.parseLong(args[1])) : Optional.empty();
        Path target = Path.of(args[kill ? 2 : 1]).toAbsolutePath();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[kill ? 3 : 2]));
        String before = state(target);

        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            target.getParent().register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
            System.out.println("watching");
            System.out.flush();
            // A write already under way when the watch was set (timing only sees writes that start later).
            Path temp = kill ? existingTemp(target) : null;
            long created = System.nanoTime();
            while (System.nanoTime() < deadline) {
                if (kill && temp != null && Files.exists(temp) && Files.size(temp) > 0) {
                    long size = Files.size(temp);
                    ProcessHandle victim = process.orElseThrow();
                    victim.destroyForcibly(); // SIGKILL
                    victim.onExit().get(30, TimeUnit.SECONDS);
                    boolean tempLeft = Files.exists(temp);
                    String after = state(target);
                    System.out.printf("killed_in_write=%s temp_bytes_seen=%d temp_bytes_left=%d target=%s%n",
                            tempLeft && after.equals(before) ? "yes" : "no", size,
                            tempLeft ? Files.size(temp) : 0, after.equals(before) ? "unchanged" : "replaced");
                    return;
                }
                WatchKey key = watcher.poll(100, TimeUnit.MILLISECONDS);
                if (kill && process.map(p -> !p.isAlive()).orElse(false)) {
                    System.out.println("killed_in_write=no reason=the_process_ended_first");
                    return;
                }
                if (key == null) {
                    continue;
                }
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (!(event.context() instanceof Path name) || !isTemp(target, name)) {
                        continue;
                    }
                    Path file = target.resolveSibling(name);
                    if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && temp == null) {
                        temp = file;
                        created = System.nanoTime();
                    } else if (event.kind() == StandardWatchEventKinds.ENTRY_DELETE && file.equals(temp)) {
                        if (kill) {
                            System.out.println("killed_in_write=no reason=the_write_finished_first");
                        } else {
                            System.out.printf("write_ms=%.1f target_bytes=%d%n", (System.nanoTime() - created) / 1e6,
                                    Files.exists(target) ? Files.size(target) : 0);
                        }
                        return;
                    }
                }
                key.reset();
            }
            System.out.println(kill ? "killed_in_write=no reason=timeout" : "write_ms=? reason=timeout");
        }
    }

    private static boolean isTemp(Path target, Path name) {
        String file = name.toString();
        return file.startsWith(target.getFileName().toString()) && file.endsWith(".tmp");
    }

    private static Path existingTemp(Path target) throws IOException {
        try (Stream<Path> files = Files.list(target.getParent())) {
            return files.filter(file -> isTemp(target, file.getFileName())).findFirst().orElse(null);
        }
    }

    /** Enough to tell whether the file was replaced: absent, or its size and modification time. */
    private static String state(Path file) throws IOException {
        return Files.exists(file) ? Files.size(file) + "@" + Files.getLastModifiedTime(file) : "absent";
    }
}
