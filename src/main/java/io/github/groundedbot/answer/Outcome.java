package io.github.groundedbot.answer;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What became of a question. Channels decide how a reply looks by this, never by its words. */
public enum Outcome {
    /** Answered from the fact base: every sentence quotes or is verified against a cited snippet. */
    ANSWERED,
    /** The facts do not answer it: an honest "I don't know" naming what the bot can answer about. */
    REFUSED,
    /** A greeting, thanks or "what can you do?": a kind reply, not from the facts. */
    SMALL_TALK,
    /** "Tell me more" when every related fact has been shown already. */
    NOTHING_MORE,
    /** The question could not be taken (invalid, or a failure while answering); the text says why. */
    ERROR;

    /** The JSON name: {@code answered}, {@code refused}, {@code small_talk}, {@code nothing_more}, {@code error}. */
    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Metric tag value, the same as the JSON name. */
    @Override
    public String toString() {
        return json();
    }
}
