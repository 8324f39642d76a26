package io.github.groundedbot.web;

import io.github.groundedbot.knowledge.Snippet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Questions to offer people who do not know what to ask, drawn from the fact base's headings. */
final class Suggestions {

    /** The most suggestions one request gets, whatever its limit. */
    static final int MAX = 10;

    private Suggestions() {
    }

    /**
     * Up to {@code limit} suggestions (at most {@link #MAX}): the first snippet of each topic, spread
     * evenly over the fact base so they show its range, or spread over all snippets when there are
     * fewer topics than wanted. One pass over the snippets.
     */
    static List<String> from(List<Snippet> snippets, int limit) {
        int count = Math.max(0, Math.min(limit, Math.min(MAX, snippets.size())));
        List<Snippet> firstOfTopic = List.copyOf(snippets.stream()
                .collect(Collectors.toMap(Snippet::topic, s -> s, (first, later) -> first, LinkedHashMap::new))
                .values());
        List<Snippet> pool = firstOfTopic.size() >= count ? firstOfTopic : snippets;
        return IntStream.range(0, count)
                .mapToObj(i -> pool.get(i * pool.size() / Math.max(count, 1)))
                .map(s -> "Tell me about " + lowerFirst(s.title()))
                .distinct()
                .toList();
    }

    private static String lowerFirst(String title) {
        // Keep names and acronyms ("Yi-34B", "OpenAI") as they are; lower a plain capitalised word.
        if (title.length() > 1 && Character.isUpperCase(title.charAt(0)) && Character.isLowerCase(title.charAt(1))
                && !title.split("\\s+")[0].chars().skip(1).anyMatch(Character::isUpperCase)) {
            String first = title.split("\\s+")[0];
            if (first.toLowerCase(Locale.ROOT).matches("the|a|an|how|why|what|early|first")) {
                return Character.toLowerCase(title.charAt(0)) + title.substring(1);
            }
        }
        return title;
    }
}
