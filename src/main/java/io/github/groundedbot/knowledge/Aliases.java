package io.github.groundedbot.knowledge;

import io.github.groundedbot.language.Acronyms;

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

    private static final String WORD_EDGE_BEFORE = "(?<![\\p{L}\\p{N}])";
    private static final String WORD_EDGE_AFTER = "(?![\\p{L}\\p{N}])";
    /** A word in capitals, as an acronym is written. */
    private static final Pattern CAPITALS = Pattern.compile(WORD_EDGE_BEFORE + "\\p{Lu}{2,}" + WORD_EDGE_AFTER);

    /** One curated alias: where it matches in a question, and the name it stands for. */
    private record Alias(Pattern pattern, String name) {
    }

    private final List<Alias> curated;
    private final Map<String, String> acronyms;

    private Aliases(List<Alias> curated, Map<String, String> acronyms) {
        this.curated = List.copyOf(curated);
        this.acronyms = Map.copyOf(acronyms);
    }

    /**
     * @param curated  alias to name, as the curators wrote them
     * @param snippets the facts, whose multi-word names give acronyms
     */
    public static Aliases of(Map<String, String> curated, List<Snippet> snippets) {
        List<Alias> aliases = curated.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed())
                .map(e -> new Alias(Pattern.compile(WORD_EDGE_BEFORE + Pattern.quote(e.getKey()) + WORD_EDGE_AFTER,
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), e.getValue()))
                .toList();
        Set<String> curatedLower = new HashSet<>();
        curated.keySet().forEach(alias -> curatedLower.add(alias.toLowerCase(Locale.ROOT)));
        Map<String, String> acronyms = new HashMap<>(acronyms(snippets));
        acronyms.keySet().removeIf(acronym -> curatedLower.contains(acronym.toLowerCase(Locale.ROOT)));
        return new Aliases(aliases, acronyms);
    }

    /** Acronyms that stand for exactly one name in the facts and that the facts never write themselves. */
    private static Map<String, String> acronyms(List<Snippet> snippets) {
        Map<String, String> unique = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        Set<String> written = new HashSet<>();
        for (Snippet snippet : snippets) {
            CAPITALS.matcher(snippet.indexedText()).results().forEach(match -> written.add(match.group()));
            Acronyms.in(snippet.text()).forEach((acronym, name) -> {
                String known = unique.putIfAbsent(acronym, name);
                if (known != null && !known.equalsIgnoreCase(name)) {
                    ambiguous.add(acronym);
                }
            });
        }
        unique.keySet().removeIf(acronym -> ambiguous.contains(acronym) || written.contains(acronym));
        return unique;
    }

    /** The question with every alias replaced by the name the facts use. */
    public String apply(String question) {
        String result = question;
        for (Alias alias : curated) {
            Matcher matcher = alias.pattern().matcher(result);
            if (matcher.find()) {
                result = matcher.replaceAll(Matcher.quoteReplacement(alias.name()));
            }
        }
        if (acronyms.isEmpty()) {
            return result;
        }
        return CAPITALS.matcher(result).replaceAll(match ->
                Matcher.quoteReplacement(acronyms.getOrDefault(match.group(), match.group())));
    }
}
