package io.github.groundedbot.feedback;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedbackStoreTest {

    private static final long NO_ROTATION = Long.MAX_VALUE;

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** An entry told apart by its question. */
    private static Feedback entry(String question, String comment) {
        return new Feedback(Instant.parse("2026-01-02T03:04:05Z"), question, "an answer [1]", "down", comment);
    }

    private FeedbackStore store(Path file) {
        return new FeedbackStore(file, NO_ROTATION, 0, json);
    }

    private static List<String> questions(List<Feedback> entries) {
        return entries.stream().map(Feedback::question).toList();
    }

    @Test
    void createsMissingFoldersAndListsNothingBeforeTheFirstEntry(@TempDir Path dir) throws Exception {
        FeedbackStore store = store(dir.resolve("a/b/feedback.jsonl"));
        assertEquals(List.of(), store.recent(10));

        store.append(entry("q1", null));

        assertEquals(1, Files.readAllLines(dir.resolve("a/b/feedback.jsonl")).size());
        assertEquals(List.of(entry("q1", null)), store.recent(10));
    }

    @Test
    void recentIsTheNewestEntriesNewestFirst(@TempDir Path dir) {
        FeedbackStore store = store(dir.resolve("feedback.jsonl"));
        for (int i = 1; i <= 5; i++) {
            store.append(entry("q" + i, "comment " + i));
        }
        assertEquals(List.of("q5", "q4", "q3"), questions(store.recent(3)));
        assertEquals(5, store.recent(50).size());
    }

    @Test
    void aLineThatDoesNotParseIsSkipped(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("feedback.jsonl");
        FeedbackStore store = store(file);
        store.append(entry("before", null));
        // As a careless hand edit would leave it.
        Files.writeString(file, "{\"question\": \"cut sho\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        store.append(entry("after", null));

        assertEquals(List.of("after", "before"), questions(store.recent(10)));
    }

    @Test
    void anEntryAfterALastLineCutShortStartsOnAFreshLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("feedback.jsonl");
        FeedbackStore store = store(file);
        store.append(entry("before", null));
        // A crash or a full disk in the middle of a write: no newline at the end of the file.
        Files.writeString(file, "{\"question\": \"cut sho", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        store.append(entry("after", null));

        assertEquals(List.of("after", "before"), questions(store.recent(10)));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(entry("after", null), json.readValue(lines.get(lines.size() - 1), Feedback.class),
                "the new entry is a line of its own");
    }

    @Test
    void theFileIsRotatedBySizeAndOnlyTheConfiguredGenerationsAreKept(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("feedback.jsonl");
        long lineBytes = json.writeValueAsBytes(entry("q00", null)).length + 1;
        // Three entries to a file; the current file and two rotated ones are kept.
        FeedbackStore store = new FeedbackStore(file, 3 * lineBytes, 2, json);
        for (int i = 0; i < 20; i++) {
            store.append(entry("q%02d".formatted(i), null));
        }

        for (String name : List.of("feedback.jsonl", "feedback.jsonl.1", "feedback.jsonl.2")) {
            Path kept = dir.resolve(name);
            assertTrue(Files.exists(kept), name);
            assertTrue(Files.size(kept) <= 3 * lineBytes, name + " is " + Files.size(kept) + " bytes");
        }
        assertFalse(Files.exists(dir.resolve("feedback.jsonl.3")), "the oldest generation is dropped");
        // 20 entries: 18 went to six full files, of which two were kept, and 2 are in the current one.
        List<String> expected = IntStream.iterate(19, i -> i >= 12, i -> i - 1).mapToObj("q%02d"::formatted).toList();
        assertEquals(expected, questions(store.recent(100)), "newest first, across the rotated files");
        assertEquals(expected.subList(0, 4), questions(store.recent(4)));
    }

    @Test
    void theNewestEntriesAreReadFromTheEndOfTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("feedback.jsonl");
        // 3 GiB of zero bytes ahead of the entries (sparse, so it costs no disk): a reader that
        // scans from the start would have to get through a "line" longer than any Java string.
        try (RandomAccessFile head = new RandomAccessFile(file.toFile(), "rw")) {
            head.setLength(3L << 30);
        }
        FeedbackStore store = store(file);
        for (int i = 1; i <= 10; i++) {
            store.append(entry("q" + i, null));
        }

        assertEquals(List.of("q10", "q9", "q8", "q7", "q6"), questions(store.recent(5)));
    }

    @Test
    void concurrentAppendsNeverInterleave(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("feedback.jsonl");
        FeedbackStore store = store(file);
        int threads = 8;
        int each = 50;
        // Long entries: a line bigger than one write buffer is where interleaving would show.
        String bulk = "x".repeat(20_000);
        runTogether(threads, thread -> {
            for (int i = 0; i < each; i++) {
                store.append(entry(thread + "-" + i, bulk));
            }
        });

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(threads * each, lines.size());
        Set<String> seen = new HashSet<>();
        for (String line : lines) {
            Feedback parsed = json.readValue(line, Feedback.class); // throws if two writes were mixed
            assertEquals(bulk, parsed.comment());
            seen.add(parsed.question());
        }
        assertEquals(threads * each, seen.size());
        assertEquals(threads * each, store.recent(1000).size());
    }

    @Test
    void listingWhileOthersAppendAndRotateSeesWholeEntriesOnce(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("feedback.jsonl");
        FeedbackStore store = new FeedbackStore(file, 4096, 3, json);
        int writers = 2;
        int readers = 2;
        runTogether(writers + readers, thread -> {
            for (int i = 0; i < 300; i++) {
                if (thread < writers) {
                    store.append(entry(thread + "-" + i, "c".repeat(i % 200)));
                } else {
                    List<String> listed = questions(store.recent(40));
                    assertEquals(listed.size(), new HashSet<>(listed).size(), "no entry twice: " + listed);
                    for (int writer = 0; writer < writers; writer++) {
                        String prefix = writer + "-";
                        List<Integer> own = listed.stream().filter(q -> q.startsWith(prefix))
                                .map(q -> Integer.parseInt(q.substring(prefix.length()))).toList();
                        for (int k = 1; k < own.size(); k++) {
                            assertTrue(own.get(k) < own.get(k - 1), "one writer's entries newest first: " + own);
                        }
                    }
                }
            }
        });
    }

    @FunctionalInterface
    private interface Work {
        void run(int thread) throws Exception;
    }

    /** Runs the work on that many threads at once, and rethrows the first failure. */
    private static void runTogether(int threads, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    work.run(thread);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
