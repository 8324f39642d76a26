package io.github.groundedbot.answer;

import io.github.groundedbot.knowledge.Snippet;
import io.github.groundedbot.retrieval.TextAnalyzer;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The analysed form of snippets (terms, sentences and their terms), remembered for the snippets
 * answers use most: analysing the same few candidates for every question would cost a good share
 * of the time it takes to embed the question.
 */
@ApplicationScoped
public class SnippetTerms {

    private static final int CAPACITY = 20_000;

    /** @param sentenceTerms the terms of each sentence, in order */
    record Analysis(Set<String> terms, List<String> sentences, List<Set<String>> sentenceTerms) {
    }

    private final TextAnalyzer analyzer;
    private final Map<Snippet, Analysis> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Snippet, Analysis> eldest) {
            return size() > CAPACITY;
        }
    };

    public SnippetTerms(TextAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    Analysis of(Snippet snippet) {
        synchronized (cache) {
            Analysis known = cache.get(snippet);
            if (known != null) {
                return known;
            }
        }
        List<String> sentences = Sentences.split(snippet.text());
        Analysis analysis = new Analysis(terms(snippet.indexedText()), sentences,
                sentences.stream().map(this::terms).toList());
        synchronized (cache) {
            cache.put(snippet, analysis);
        }
        return analysis;
    }

    Set<String> terms(String text) {
        return Set.copyOf(new HashSet<>(analyzer.terms(text)));
    }
}
