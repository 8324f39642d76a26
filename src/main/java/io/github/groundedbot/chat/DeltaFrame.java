package io.github.groundedbot.chat;

/** Part of an answer as it forms; the deltas of one answer concatenate to its text. */
public record DeltaFrame(String type, String text) {

    public static final String TYPE = "delta";

    public static DeltaFrame of(String text) {
        return new DeltaFrame(TYPE, text);
    }
}
