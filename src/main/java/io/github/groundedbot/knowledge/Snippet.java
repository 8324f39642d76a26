package io.github.groundedbot.knowledge;

import java.time.LocalDate;

/**
 * One curated fact: a {@code ## Heading} section of a knowledge file.
 *
 * @param id        stable id, {@code <file path without .md>#<slug of heading>}
 * @param title     the heading
 * @param text      the paragraphs under the heading, paragraphs separated by a blank line
 * @param source    where the fact comes from (the file's front matter)
 * @param topic     the file's {@code # Title}, or a title derived from its name
 * @param location  file and line of the heading, for messages about this snippet
 */
public record Snippet(String id, String title, String text, Source source, String topic, Location location) {

    /** The text the retrievers index: the heading carries words people ask with. */
    public String indexedText() {
        return title + ". " + text;
    }

    public record Source(String title, String url, LocalDate published) {
    }

    public record Location(String file, int line) {
        @Override
        public String toString() {
            return file + ":" + line;
        }
    }
}
