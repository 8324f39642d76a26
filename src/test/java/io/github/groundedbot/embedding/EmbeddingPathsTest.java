package io.github.groundedbot.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way the model can run (a lone call on the all-cores session, overlapping calls on the
 * one-thread session, padded batches, the parts of a text too long for the model) gives the vector
 * langchain4j's own all-MiniLM-L6-v2 gives, so cached and fresh vectors always match.
 */
class EmbeddingPathsTest {

    /** Cosine similarity every path must reach against the reference; float rounding stays far above it. */
    private static final double SAME = 0.99999;

    private static ExecutorService batches;
    private static MiniLmEmbeddingModel model;
    private static AllMiniLmL6V2EmbeddingModel reference;

    @BeforeAll
    static void load() {
        batches = Executors.newFixedThreadPool(2);
        model = new MiniLmEmbeddingModel(1, 2, 2, batches);
        model.openLoneCallSession();
        reference = new AllMiniLmL6V2EmbeddingModel();
    }

    @AfterAll
    static void stop() {
        batches.shutdownNow();
    }

    @Test
    void aLoneCallOnTheAllCoresSessionGivesLangchain4jsVector() {
        for (String text : List.of("what is huawei working on?", "Café déjà vu: naïve façades, 2024 — 34B (Yi)!",
                "export   rules\tfor advanced\nchips")) {
            assertSame(model.embed(text).content(), reference.embed(text).content(), text);
        }
    }

    @Test
    void theOneThreadSessionGivesTheSameVectorAsTheAllCoresSession() {
        MiniLmEmbeddingModel oneSession = new MiniLmEmbeddingModel(1, 1, 1, Runnable::run);
        String text = "Who are Charcoal Typhoon and Salmon Typhoon?";

        assertSame(oneSession.embed(text).content(), model.embed(text).content(), text);
    }

    @Test
    void batchesGiveTheSameVectorsAsSingleCallsInTheSameOrder() {
        List<String> texts = texts(60);
        texts.add(7, "word ".repeat(700)); // over the model's 512 positions: embedded in parts

        List<Embedding> batched = model.embedAll(texts.stream().map(TextSegment::from).toList()).content();

        assertThat(batched).hasSameSizeAs(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertSame(batched.get(i), reference.embed(texts.get(i)).content(), texts.get(i));
        }
    }

    @Test
    void overlappingCallsGiveTheSameVectorsAsCallsOneAtATime() {
        List<String> texts = texts(24);
        List<Embedding> alone = texts.stream().map(t -> reference.embed(t).content()).toList();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Embedding>> together = texts.stream()
                    .map(t -> CompletableFuture.supplyAsync(() -> model.embed(t).content(), callers)).toList();
            for (int i = 0; i < texts.size(); i++) {
                assertSame(together.get(i).join(), alone.get(i), texts.get(i));
            }
        } finally {
            callers.shutdownNow();
        }
    }

    /** Sentences of 3 to 80 words, so batches pad texts of different lengths together. */
    private static List<String> texts(int count) {
        String[] words = {"Huawei", "builds", "memory", "chips", "for", "AI", "GPUs", "in", "2024", "while", "Nvidia",
                "and", "AMD", "ban", "sales", "to", "China", "export", "rules", "tighten"};
        Random random = new Random(count);
        List<String> texts = new ArrayList<>();
        IntStream.range(0, count).forEach(i -> {
            StringBuilder text = new StringBuilder();
            int length = 3 + random.nextInt(78);
            for (int w = 0; w < length; w++) {
                text.append(words[random.nextInt(words.length)]).append(w % 9 == 8 ? ". " : " ");
            }
            texts.add(text.toString().strip());
        });
        return texts;
    }

    private static void assertSame(Embedding actual, Embedding expected, String text) {
        float[] a = actual.vector();
        float[] b = expected.vector();
        assertThat(a).hasSize(384);
        double dot = 0;
        for (int d = 0; d < a.length; d++) {
            dot += a[d] * b[d];
        }
        assertThat(dot).as("cosine to langchain4j's vector for \"%s\"", text).isGreaterThan(SAME);
    }
}
