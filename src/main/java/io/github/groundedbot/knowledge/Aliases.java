package io.github.groundedbot.knowledge;

import io.github.groundedbot.language.Acronyms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Other names people ask with, each replaced in a question by the name the facts use before the
 * question is read and searched: the curators' aliases ({@code ISS = International Space Station}),
 * matched in any case, and the acronyms of multi-word names the facts spell out, matched as written
 * in capitals. An acronym the facts use themselves, or one that two names share, is left alone.
 */
public final class Aliases {

    /** No aliases at all. */
    public static final Aliases NONE = new Aliases(List.of());

    private static final String WORD_EDGE_BEFORE = "(?<![\\p{L}\\p{N}])";
    private static final String WORD_EDGE_AFTER = "(?![\\p{L}\\p{N}])";

    /** One alias: where it matches in a question, and the name it stands for. */
    private record Alias(Pattern pattern, String name) {
    }

    private final List<Alias> aliases;

    private Aliases(List<Alias> aliases) {
        this.aliases = List.copyOf(aliases);
    }

    /**
     * @param curated  alias to name, as the curators wrote them
     * @param snippets the facts, whose multi-word names give acronyms
     */
    public static Aliases of(Map<String, String> curated, List<Snippet> snippets) {
        List<Alias> aliases = new ArrayList<>();
        curated.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed())
                .forEach(e -> aliases.add(new Alias(Pattern.compile(WORD_EDGE_BEFORE + Pattern.quote(e.getKey())
                        + WORD_EDGE_AFTER, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), e.getValue())));
        Set<String> curatedLower = new HashSet<>();
        curated.keySet().forEach(alias -> curatedLower.add(alias.toLowerCase(Locale.ROOT)));
        for (Map.Entry<String, String> acronym : acronyms(snippets).entrySet()) {
            if (!curatedLower.contains(acronym.getKey().toLowerCase(Locale.ROOT))) {
                aliases.add(new Alias(Pattern.compile(WORD_EDGE_BEFORE + Pattern.quote(acronym.getKey()) + WORD_EDGE_AFTER),
                        acronym.getValue()));
            }
        }
        return new Aliases(aliases);
    }

    /** Acronyms that stand for exactly one name in the facts and that the facts never write themselves. */
    private static Map<String, String> acronyms(List<Snippet> snippets) {
        Map<String, String> unique = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        StringBuilder all = new StringBuilder();
        for (Snippet snippet : snippets) {
            all.append(snippet.indexedText()).append('\n');
            Acronyms.in(snippet.text()).forEach((acronym, name) -> {
                String known = unique.putIfAbsent(acronym, name);
                if (known != null && !known.equalsIgnoreCase(name)) {
                    ambiguous.add(acronym);
                }
            });
        }
        String facts = all.toString();
        Map<String, String> kept = new HashMap<>();
        unique.forEach((acronym, name) -> {
            if (!ambiguous.contains(acronym)
                    && !Pattern.compile(WORD_EDGE_BEFORE + Pattern.quote(acronym) + WORD_EDGE_AFTER).matcher(facts).find()) {
                kept.put(acronym, name);
            }
        });
        return kept;
    }

    /** The question with every alias replaced by the name the facts use. */
    public String apply(String question) {
        String result = question;
        for (Alias alias : aliases) {
            Matcher matcher = alias.pattern().matcher(result);
            if (matcher.find()) {
                result = matcher.replaceAll(Matcher.quoteReplacement(alias.name()));
            }
        }
        return result;
    }

    public int size() {
        return aliases.size();
    }
}
