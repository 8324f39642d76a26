package io.github.groundedbot.language;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lucene's English analysis (possessives, stop words, Porter stems) shared by the lexical index
 * and by the grounding checks, so both agree on what a "term" is. Thread-safe.
 */
public final class TextAnalyzer {

    /** The Lucene field the analysis is done for; the lexical index uses the same name. */
    public static final String FIELD = "content";

    /**
     * Lucene's English stop words plus the words that shape a question rather than name its
     * subject ({@code question-words.txt}): they would otherwise count as terms the facts must cover.
     */
    public static final CharArraySet STOP_WORDS;

    /** Everyday words ({@code generic-words.txt}), stemmed: they count little when checking coverage. */
    private static final Set<String> GENERIC;

    static {
        CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        set.addAll(WordList.load("question-words").entries());
        STOP_WORDS = CharArraySet.unmodifiableSet(set);
        Set<String> generic = new HashSet<>();
        try (Analyzer english = new EnglishAnalyzer(CharArraySet.EMPTY_SET)) {
            WordList.load("generic-words").entries().forEach(word -> generic.addAll(terms(english, word)));
        }
        GENERIC = Set.copyOf(generic);
    }

    private final Analyzer analyzer = new EnglishAnalyzer(STOP_WORDS);

    /** True for a stemmed everyday word that says little about what a question is about. */
    public static boolean isGeneric(String term) {
        return GENERIC.contains(term);
    }

    /** True for a word (any case) that only shapes a sentence: a stop word or a question word. */
    public static boolean isStopWord(String word) {
        return STOP_WORDS.contains(word);
    }

    public Analyzer lucene() {
        return analyzer;
    }

    /** The stemmed content terms of a text, in order, with repeats. */
    public List<String> terms(String text) {
        return terms(analyzer, text);
    }

    /** The distinct stemmed content terms of a text. */
    public Set<String> termSet(String text) {
        return Set.copyOf(new HashSet<>(terms(text)));
    }

    private static List<String> terms(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(FIELD, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen for an in-memory string
        }
        return terms;
    }
}
