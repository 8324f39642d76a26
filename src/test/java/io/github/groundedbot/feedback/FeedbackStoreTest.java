package io.github.groundedbot.feedback;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedbackStoreTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static Feedback entry(String conversationId, String comment) {
        return new Feedback(Instant.parse("2026-01-02T03:04:05Z"), conversationId, "a question", "an answer [1]",
                "down", comment);
    }

    @Test
    void createsMissingFoldersAndListsNothingBeforeTheFirstEntry(@TempDir Path dir) throws Exception {
        FeedbackStore store = new FeedbackStore(dir.resolve("a/b/feedback.jsonl"), json);
        assertEquals(List.of(), store.recent(10));

        store.append(entry("c1", null));

        assertEquals(1, Files.readAllLines(dir.resolve("a/b/feedback.jsonl")).size());
        assertEquals(List.of(entry("c1", null)), store.recent(10));
    }

    @Test
    void recentIsTheNewestEntriesNewestFirst(@TempDir Path dir) {
        FeedbackStore store = new FeedbackStore(dir.resolve("feedback.jsonl"), json);
        for (int i = 1; i <= 5; i++) {
            store.append(entry("c" + i, "comment " + i));
        }
        assertEquals(List.of("c5", "c4", "c3"),
                store.recent(3).stream().map(Feedback::conversationId).toList());
        assertEquals(5, store.recent(50).size());
    }

    @Test
    void aLineThatDoesNotParseIsSkipped(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("feedback.jsonl");
        FeedbackStore store = new FeedbackStore(file, json);
        store.append(entry("before", null));
        // As a crash mid-write or a careless hand edit would leave it.
        Files.writeString(file, "{\"conversationId\": \"cut sho\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        store.append(entry("after", null));

        assertEquals(List.of("after", "before"), store.recent(10).stream().map(Feedback::conversationId).toList());
    }

    @Test
    void concurrentAppendsNeverInterleave(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("feedback.jsonl");
        FeedbackStore store = new FeedbackStore(file, json);
        int threads = 8;
        int each = 50;
        // Long entries: a line bigger than one write buffer is where interleaving would show.
        String bulk = "x".repeat(20_000);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        store.append(entry(thread + "-" + i, bulk));
                    }
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

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(threads * each, lines.size());
        Set<String> ids = new HashSet<>();
        for (String line : lines) {
            Feedback parsed = json.readValue(line, Feedback.class); // throws if two writes were mixed
            assertEquals(bulk, parsed.comment());
            ids.add(parsed.conversationId());
        }
        assertEquals(threads * each, ids.size());
        assertEquals(threads * each, store.recent(1000).size());
    }
}
