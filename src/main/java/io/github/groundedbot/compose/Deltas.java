package io.github.groundedbot.compose;

import java.util.function.Consumer;

/**
 * Where an answer goes as it forms, sentence by sentence. The deltas of one answer concatenate to
 * its text: every sentence after the first brings its leading space.
 */
public interface Deltas {

    /** Takes the next piece of the answer. */
    void accept(String delta);

    /** True when someone watches the deltas arrive (a socket); false when only the final answer is shown. */
    boolean streaming();

    /** For callers that show only the final answer. */
    static Deltas none() {
        return new Deltas() {
            @Override
            public void accept(String delta) {
            }

            @Override
            public boolean streaming() {
                return false;
            }
        };
    }

    /** Deltas sent to a watcher as they form. */
    static Deltas streamedTo(Consumer<String> sink) {
        return new Deltas() {
            @Override
            public void accept(String delta) {
                sink.accept(delta);
            }

            @Override
            public boolean streaming() {
                return true;
            }
        };
    }

    /** Sends whole sentences, the space before each one after the first included. */
    default void sentences(Iterable<String> sentences) {
        boolean first = true;
        for (String sentence : sentences) {
            accept(first ? sentence : " " + sentence);
            first = false;
        }
    }
}
