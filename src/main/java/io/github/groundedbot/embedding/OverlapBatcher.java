package io.github.groundedbot.embedding;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Runs calls that overlap in time together. At most {@code runners} runs go at once; a call that
 * finds them all busy waits in line, and the caller that next gets a runner takes the whole line
 * (up to a budget) into one run. One model run over several short texts costs far less CPU per text
 * than a run each, so under load the same cores give more answers per second; a call that finds a
 * runner free runs at once, so a lone user waits no longer than before.
 * <p>
 * Runs happen on the callers' own threads: no hand-over to a pool, and nothing is left in line,
 * since every call in line has a caller that waits for a runner or for its result.
 *
 * @param <T> what one call gives
 * @param <R> what one call gets back
 */
final class OverlapBatcher<T, R> {

    /** One run over the inputs of several calls; its results in the same order. */
    private final Function<List<T>, List<R>> run;
    /** A call's width: a run costs its number of calls times the widest of them. */
    private final ToIntFunction<T> width;
    private final int budget;
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when a run ends: its results are in, and a runner is free. */
    private final Condition runEnded = lock.newCondition();
    private final ArrayDeque<Call<T, R>> line = new ArrayDeque<>();
    private int freeRunners;

    /**
     * @param runners how many runs may go at once
     * @param budget  the most a run may cost (calls times the widest); a wider call still runs, alone
     */
    OverlapBatcher(int runners, int budget, ToIntFunction<T> width, Function<List<T>, List<R>> run) {
        if (runners < 1) {
            throw new IllegalArgumentException("runners must be at least 1, not " + runners);
        }
        this.freeRunners = runners;
        this.budget = budget;
        this.width = width;
        this.run = run;
    }

    /** Runs the call, alone or with others that overlap it; returns its result or throws what the run threw. */
    R call(T input) {
        Call<T, R> mine = new Call<>(input);
        lock.lock();
        try {
            line.add(mine);
            while (!mine.ended()) {
                // Once another runner has taken this call, its caller only waits for that run to end.
                if (freeRunners > 0 && !mine.taken()) {
                    runLine();
                } else {
                    runEnded.awaitUninterruptibly();
                }
            }
        } finally {
            lock.unlock();
        }
        return mine.result();
    }

    /** Calls waiting in line now, for a runner or to be taken into the next run. */
    int waiting() {
        lock.lock();
        try {
            return line.size();
        } finally {
            lock.unlock();
        }
    }

    /** Takes a run's worth from the line and runs it outside the lock. Called holding the lock. */
    private void runLine() {
        List<Call<T, R>> taken = take();
        freeRunners--;
        List<R> results = null;
        Throwable failure = null;
        lock.unlock();
        try {
            results = run.apply(taken.stream().map(Call::input).toList());
            if (results == null || results.size() != taken.size()) {
                failure = new IllegalStateException("A run over " + taken.size() + " calls gave "
                        + (results == null ? "no results" : results.size() + " results"));
            }
        } catch (Throwable e) { // whatever the run throws, each caller gets it and the runner is free again
            failure = e;
        } finally {
            lock.lock();
            for (int i = 0; i < taken.size(); i++) {
                taken.get(i).end(failure == null ? results.get(i) : null, failure);
            }
            freeRunners++;
            runEnded.signalAll();
        }
    }

    private List<Call<T, R>> take() {
        List<Call<T, R>> taken = new ArrayList<>();
        int widest = 0;
        while (!line.isEmpty()) {
            int next = Math.max(widest, width.applyAsInt(line.peek().input()));
            if (!taken.isEmpty() && (taken.size() + 1) * next > budget) {
                break;
            }
            widest = next;
            Call<T, R> call = line.poll();
            call.take();
            taken.add(call);
        }
        return taken;
    }

    /** A call in line; its fields are read and written holding the lock. */
    private static final class Call<T, R> {
        private final T input;
        private boolean taken;
        private boolean ended;
        private R result;
        private Throwable failure;

        Call(T input) {
            this.input = input;
        }

        T input() {
            return input;
        }

        boolean taken() {
            return taken;
        }

        void take() {
            taken = true;
        }

        boolean ended() {
            return ended;
        }

        void end(R value, Throwable thrown) {
            this.result = value;
            this.failure = thrown;
            this.ended = true;
        }

        R result() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
            return result;
        }
    }
}
