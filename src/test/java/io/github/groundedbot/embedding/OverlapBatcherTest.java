package io.github.groundedbot.embedding;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OverlapBatcherTest {

    private static final int WAIT_SECONDS = 10;

    private final ExecutorService callers = Executors.newFixedThreadPool(8);
    private final List<List<String>> runs = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostRunning = new AtomicInteger();

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    /** A run that records its inputs, holds until {@code release} opens, and upper-cases them. */
    private Function<List<String>, List<String>> upperCase(CountDownLatch started, CountDownLatch release) {
        return inputs -> {
            mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            runs.add(inputs);
            started.countDown();
            try {
                release.await(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return inputs.stream().map(String::toUpperCase).toList();
        };
    }

    @Test
    void aLoneCallRunsAtOnceAndAlone() {
        OverlapBatcher<String, String> batcher = new OverlapBatcher<>(2, 100, String::length,
                upperCase(new CountDownLatch(1), new CountDownLatch(0)));

        assertThat(batcher.call("alone")).isEqualTo("ALONE");
        assertThat(runs).containsExactly(List.of("alone"));
    }

    @Test
    void callsThatArriveWhileEveryRunnerIsBusyGoTogetherAndEachGetsItsOwnResult() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        OverlapBatcher<String, String> batcher = new OverlapBatcher<>(1, 100, String::length,
                upperCase(firstStarted, release));
        CompletableFuture<String> first = runStarted(batcher, "first", firstStarted);
        List<CompletableFuture<String>> waiting = queue(batcher, "b", "c", "d", "e");

        release.countDown();

        assertThat(first.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("FIRST");
        assertThat(waiting.stream().map(CompletableFuture::join).toList()).containsExactly("B", "C", "D", "E");
        assertThat(runs).hasSize(2);
        assertThat(runs.get(1)).containsExactlyInAnyOrder("b", "c", "d", "e");
        assertThat(mostRunning).hasValue(1);
    }

    @Test
    void aRunCostsAtMostTheBudgetInCallsTimesTheWidest() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        OverlapBatcher<String, String> batcher = new OverlapBatcher<>(1, 12, String::length,
                upperCase(firstStarted, release));
        CompletableFuture<String> first = runStarted(batcher, "x", firstStarted);
        List<CompletableFuture<String>> waiting = queue(batcher, "four", "five5", "six666", "toolongforany");

        release.countDown();

        first.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(waiting.stream().map(CompletableFuture::join).toList())
                .containsExactly("FOUR", "FIVE5", "SIX666", "TOOLONGFORANY");
        for (List<String> run : runs) {
            int widest = run.stream().mapToInt(String::length).max().orElseThrow();
            assertThat(run.size() == 1 || run.size() * widest <= 12).as("run %s", run).isTrue();
        }
        assertThat(runs).anySatisfy(run -> assertThat(run).containsExactly("toolongforany"));
    }

    @Test
    void noMoreRunsGoAtOnceThanRunners() throws Exception {
        CountDownLatch twoStarted = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        OverlapBatcher<String, String> batcher = new OverlapBatcher<>(2, 100, String::length,
                upperCase(twoStarted, release));
        List<CompletableFuture<String>> calls = new ArrayList<>(List.of(call(batcher, "a"), call(batcher, "b")));
        assertThat(twoStarted.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        calls.addAll(queue(batcher, "c", "d", "e"));

        assertThat(running).hasValue(2);
        release.countDown();

        assertThat(calls.stream().map(CompletableFuture::join).toList()).containsExactly("A", "B", "C", "D", "E");
        assertThat(mostRunning).hasValue(2);
    }

    @Test
    void aFailedRunFailsEachOfItsCallersAndLaterCallsStillRun() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Function<List<String>, List<String>> holding = upperCase(firstStarted, release);
        AtomicInteger runsSoFar = new AtomicInteger();
        OverlapBatcher<String, String> batcher = new OverlapBatcher<>(1, 100, String::length, inputs -> {
            List<String> results = holding.apply(inputs);
            if (runsSoFar.incrementAndGet() == 2) {
                throw new IllegalStateException("model failed");
            }
            return results;
        });
        CompletableFuture<String> first = runStarted(batcher, "first", firstStarted);
        List<CompletableFuture<String>> failing = queue(batcher, "b", "c");

        release.countDown();

        assertThat(first.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("FIRST");
        for (CompletableFuture<String> call : failing) {
            assertThatThrownBy(call::join).hasRootCauseInstanceOf(IllegalStateException.class)
                    .hasRootCauseMessage("model failed");
        }
        assertThat(batcher.call("later")).isEqualTo("LATER");
    }

    @Test
    void aRunThatGivesTooFewResultsFailsItsCallersInsteadOfLeavingThemWaiting() {
        OverlapBatcher<String, String> batcher = new OverlapBatcher<>(1, 100, String::length, inputs -> List.of());

        assertThatThrownBy(() -> batcher.call("a")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gave 0 results");
        assertThatThrownBy(() -> batcher.call("b")).isInstanceOf(IllegalStateException.class);
    }

    /** Calls the word and returns once its run has started. */
    private CompletableFuture<String> runStarted(OverlapBatcher<String, String> batcher, String word,
                                                 CountDownLatch started) throws InterruptedException {
        CompletableFuture<String> call = call(batcher, word);
        assertThat(started.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        return call;
    }

    private CompletableFuture<String> call(OverlapBatcher<String, String> batcher, String word) {
        return CompletableFuture.supplyAsync(() -> batcher.call(word), callers);
    }

    /** Calls each word while every runner is busy, and returns once all of them wait in line. */
    private List<CompletableFuture<String>> queue(OverlapBatcher<String, String> batcher, String... words)
            throws InterruptedException {
        List<CompletableFuture<String>> waiting = new ArrayList<>();
        for (String word : words) {
            waiting.add(call(batcher, word));
        }
        awaitQueued(batcher, words.length);
        return waiting;
    }

    private static void awaitQueued(OverlapBatcher<String, String> batcher, int calls) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (batcher.waiting() < calls && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(batcher.waiting()).isEqualTo(calls);
    }
}
