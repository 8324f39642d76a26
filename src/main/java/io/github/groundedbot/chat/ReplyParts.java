package io.github.groundedbot.chat;

import io.github.groundedbot.answer.Citation;
import io.github.groundedbot.answer.Outcome;

import java.util.Optional;

/** What every platform's reply shows besides the answer, in each platform's own format. */
public final class ReplyParts {

    /** The mark on a reply that does not come from the fact base (each platform adds its own icon). */
    public static final String NOT_FROM_THE_FACT_BASE = "Not answered from the fact base";
    /** Starts the line showing how a follow-up was read in its conversation's context. */
    public static final String READ_AS = "Read as: ";
    public static final String SOURCES = "Sources";

    private ReplyParts() {
    }

    /**
     * True for the replies that must look different from an answer: the facts did not answer it, or
     * had nothing more. Small talk and errors are plain text, answers carry their sources.
     */
    public static boolean notFromTheFactBase(Outcome outcome) {
        return outcome == Outcome.REFUSED || outcome == Outcome.NOTHING_MORE;
    }

    /** The source's title, or its id when it has none. */
    public static String title(Citation citation) {
        return citation.title() == null || citation.title().isBlank() ? citation.id() : citation.title();
    }

    /** The publication the source comes from, when it has one other than its title. */
    public static Optional<String> publication(Citation citation) {
        String source = citation.source();
        return source == null || source.isBlank() || source.equals(citation.title()) ? Optional.empty()
                : Optional.of(source);
    }

    /** The source's address when it is a web address: nothing else is ever made a link. */
    public static Optional<String> webUrl(Citation citation) {
        return webUrl(citation.url());
    }

    static Optional<String> webUrl(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? Optional.of(url.strip())
                : Optional.empty();
    }
}
