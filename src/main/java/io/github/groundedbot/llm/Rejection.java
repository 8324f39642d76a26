package io.github.groundedbot.llm;

import java.util.Locale;

/** Why the verifier dropped a sentence of an LLM reply; the tag is the {@code bot.llm.rejected} reason. */
enum Rejection {
    /** No marker at all. */
    UNCITED,
    /** A marker that is not one of the ids given ({@code [1]}, {@code [S9]}, {@code [source]}). */
    UNKNOWN_SOURCE,
    /** Talk about the snippets, a refusal, or too few words to say anything, instead of an answer. */
    NOT_AN_ANSWER,
    /** A URL, domain, e-mail address, markdown or HTML that the cited snippets do not contain. */
    LINK_OR_MARKUP,
    /** A name, number or date that the cited snippets do not contain. */
    NEW_NAME_OR_NUMBER,
    /** Too few of its content words are in the cited snippets. */
    UNSUPPORTED,
    /** It negates what its cited sentences state, or states what they negate. */
    FLIPPED_POLARITY,
    /** The answer would grow past its length budget. */
    OVER_BUDGET;

    String tag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
