package io.github.groundedbot.grounding;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.groundedbot.knowledge.Snippet;
import io.github.groundedbot.language.Sentences;
import io.github.groundedbot.language.TextAnalyzer;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The analysed form of snippets (terms, sentences and their terms), remembered for the snippets
 * answers use most: analysing the same few candidates for every question would cost a good share
 * of the time it takes to embed the question.
 */
@ApplicationScoped
public class SnippetTerms {

    private static final int CAPACITY = 20_000;

    /**
     * @param terms         the stemmed terms of the snippet's title, text and alternate questions
     * @param titleTerms    the terms of its title alone: what the snippet is about
     * @param sentences     the sentences of its text, in order
     * @param sentenceTerms the terms of each sentence, in order
     */
    public record Analysis(Set<String> terms, Set<String> titleTerms, List<String> sentences,
                           List<Set<String>> sentenceTerms) {
    }

    private final TextAnalyzer analyzer;
    private final Cache<Snippet, Analysis> cache = Caffeine.newBuilder().maximumSize(CAPACITY).build();

    public SnippetTerms(TextAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    public Analysis of(Snippet snippet) {
        return cache.get(snippet, this::analyse);
    }

    private Analysis analyse(Snippet snippet) {
        List<String> sentences = Sentences.split(snippet.text());
        return new Analysis(analyzer.termSet(snippet.searchedText()), analyzer.termSet(snippet.title()), sentences,
                sentences.stream().map(analyzer::termSet).toList());
    }

    /** True when the snippet has, for each name, one of its stems (a name's stems include its synonyms). */
    public boolean namesAll(Snippet snippet, List<Set<String>> names) {
        Set<String> terms = of(snippet).terms();
        return names.stream().allMatch(name -> !Collections.disjoint(terms, name));
    }

    public Set<String> terms(String text) {
        return analyzer.termSet(text);
    }
}
