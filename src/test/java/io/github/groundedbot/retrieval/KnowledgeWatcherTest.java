package io.github.groundedbot.retrieval;

import io.github.groundedbot.CapturedLog;
import io.github.groundedbot.knowledge.ConfigMapMount;
import io.github.groundedbot.knowledge.FactBase;
import io.github.groundedbot.knowledge.KnowledgeConfig;
import io.github.groundedbot.knowledge.KnowledgeLoader;
import io.github.groundedbot.knowledge.Snippet;
import io.quarkus.runtime.configuration.MemorySize;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The watcher keeps going whatever a reload throws, and never waits forever for files to settle. */
class KnowledgeWatcherTest {

    private static final Duration INTERVAL = Duration.ofMillis(50);
    private static final Duration PICKUP = Duration.ofSeconds(20);
    private static final String FACT = "---\nsource: Field notes\n---\n## Owls\nOwls hunt at night.\n";

    @TempDir
    Path dir;

    @RegisterExtension
    final CapturedLog log = new CapturedLog(KnowledgeWatcher.class);

    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
    private KnowledgeWatcher watcher;

    @AfterEach
    void stop() {
        writer.shutdownNow();
        if (watcher != null) {
            watcher.stop();
        }
    }

    @Test
    void anErrorDuringAReloadIsLoggedAndWatchingGoesOn() throws IOException {
        Files.writeString(dir.resolve("owls.md"), FACT);
        RecordingReloader reloader = watch(Duration.ofSeconds(30));
        reloader.failures.add(new OutOfMemoryError("Java heap space"));

        Files.writeString(dir.resolve("frogs.md"), FACT.replace("Owls", "Frogs"));
        await().atMost(PICKUP).until(() -> reloader.reasons.size() == 1);
        await().atMost(PICKUP).until(() -> log.take().stream().anyMatch(line ->
                line.contains("java.lang.OutOfMemoryError: Java heap space") && line.contains("keeps watching")));

        Files.writeString(dir.resolve("bats.md"), FACT.replace("Owls", "Bats"));
        await().atMost(PICKUP).until(() -> reloader.reasons.size() == 2);
        assertThat(reloader.ids()).containsExactly("bats#bats", "frogs#frogs", "owls#owls");
    }

    @Test
    void anErrorInALoadIsRecordedAndTheLastGoodIndexKeepsServing() {
        KnowledgeReloader reloader = new KnowledgeReloader(new Config(dir, Duration.ofSeconds(30)), null,
                new IndexHolder(), null, Clock.systemUTC()) {
            @Override
            public void loadOrThrow() {
                throw new OutOfMemoryError("Java heap space");
            }
        };

        KnowledgeStatus status = reloader.reload("a test");

        assertThat(status.lastError().problems()).singleElement().asString()
                .contains("java.lang.OutOfMemoryError: Java heap space");
    }

    @Test
    void aFileThatNeverStopsChangingIsLoadedAfterTheSettleTimeout() throws IOException {
        Path growing = Files.writeString(dir.resolve("growing.md"), FACT);
        RecordingReloader reloader = watch(Duration.ofMillis(500));

        writer.scheduleWithFixedDelay(() -> append(growing, "More about owls.\n"), 0, 10, TimeUnit.MILLISECONDS);

        // A busy machine may pause the writer long enough for the file to look settled: that reloads
        // too, but only the settle timeout reloads while the file is changing at every poll.
        await().atMost(PICKUP).until(() -> reloader.reasons.stream().anyMatch(why -> why.startsWith("files still changing")));
        assertThat(log.take()).anyMatch(line -> line.contains("kept changing") && line.contains("[growing.md]"));
    }

    @Test
    void aConfigMapUpdateIsReloadedUnderTheSameIds() throws IOException {
        ConfigMapMount mount = new ConfigMapMount(dir);
        mount.publish(Map.of("owls.md", FACT, "frogs.md", FACT.replace("Owls", "Frogs")));
        RecordingReloader reloader = watch(Duration.ofSeconds(30));

        mount.publish(Map.of("owls.md", FACT.replace("at night", "at dusk"), "frogs.md", FACT.replace("Owls", "Frogs")));

        await().atMost(PICKUP).until(() -> !reloader.reasons.isEmpty());
        assertThat(reloader.ids()).containsExactly("frogs#frogs", "owls#owls");
        assertThat(reloader.loaded.find("owls#owls").orElseThrow().text()).isEqualTo("Owls hunt at dusk.");
    }

    private RecordingReloader watch(Duration settleTimeout) {
        Config config = new Config(dir, settleTimeout);
        RecordingReloader reloader = new RecordingReloader(config);
        watcher = new KnowledgeWatcher(config, reloader);
        watcher.remember();
        watcher.start();
        return reloader;
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the facts as the real reloader would, without indexing them; throws the queued failures first. */
    private static final class RecordingReloader extends KnowledgeReloader {
        final List<String> reasons = new CopyOnWriteArrayList<>();
        final Queue<Error> failures = new ConcurrentLinkedQueue<>();
        private final Config config;
        volatile FactBase loaded;

        RecordingReloader(Config config) {
            super(config, null, new IndexHolder(), null, Clock.systemUTC());
            this.config = config;
        }

        @Override
        public KnowledgeStatus reload(String why) {
            try {
                Error failure = failures.poll();
                if (failure != null) {
                    throw failure;
                }
                loaded = new KnowledgeLoader(config.maxWords(), config.maxFileSize().asLongValue()).load(config.dir());
                return status();
            } finally {
                reasons.add(why); // last, so a test that sees the reason also sees what was loaded
            }
        }

        List<String> ids() {
            return loaded.snippets().stream().map(Snippet::id).sorted().toList();
        }
    }

    private record Config(Path dir, Duration settleTimeout) implements KnowledgeConfig, KnowledgeConfig.Watch {
        @Override
        public int maxWords() {
            return 200;
        }

        @Override
        public MemorySize maxFileSize() {
            return new MemorySize(BigInteger.valueOf(1 << 20));
        }

        @Override
        public Watch watch() {
            return this;
        }

        @Override
        public Tests tests() {
            return () -> false;
        }

        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public Duration interval() {
            return INTERVAL;
        }
    }
}
