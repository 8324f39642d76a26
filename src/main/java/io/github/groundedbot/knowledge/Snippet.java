package io.github.groundedbot.knowledge;

import java.time.LocalDate;
import java.util.List;

/**
 * One curated fact: a {@code ## Heading} section of a knowledge file.
 *
 * @param id        stable id, {@code <file path without .md>#<slug of heading>}
 * @param title     the heading
 * @param text      the paragraphs under the heading, paragraphs separated by a blank line
 * @param source    where the fact comes from (the file's front matter)
 * @param topic     the file's {@code # Title}, or a title derived from its name
 * @param location  file and line of the heading, for messages about this snippet
 * @param alsoAsked questions people are known to ask that this snippet answers ("Also asked:" lines):
 *                  searched and matched, never quoted
 */
public record Snippet(String id, String title, String text, Source source, String topic, Location location,
                      List<String> alsoAsked) {

    public Snippet {
        alsoAsked = List.copyOf(alsoAsked);
    }

    /** A snippet without alternate questions. */
    public Snippet(String id, String title, String text, Source source, String topic, Location location) {
        this(id, title, text, source, topic, location, List.of());
    }

    /** The text the snippet's own vector is made from: the heading carries words people ask with. */
    public String indexedText() {
        return title + ". " + text;
    }

    /** What the word search and the term checks read: the indexed text and the alternate questions. */
    public String searchedText() {
        return alsoAsked.isEmpty() ? indexedText() : indexedText() + "\n" + String.join("\n", alsoAsked);
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
