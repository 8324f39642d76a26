package io.github.groundedbot.retrieval;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lucene's English analysis (possessives, stop words, Porter stems) shared by the lexical
 * index and by the grounding checks, so both agree on what a "term" is.
 */
public final class TextAnalyzer {

    /**
     * Lucene's English stop words plus the words that shape a question rather than name its
     * subject: they would otherwise count as terms the facts must cover.
     */
    private static final Set<String> QUESTION_WORDS = Set.of(
            "what", "which", "who", "whom", "whose", "when", "where", "why", "how",
            "do", "does", "did", "done", "doing", "can", "could", "would", "should", "shall", "may", "might",
            "must", "has", "have", "had", "having", "am", "been", "being", "were",
            "i", "me", "my", "you", "your", "we", "our", "he", "him", "his", "she", "her", "its", "them",
            "tell", "about", "explain", "describe", "please", "know", "any", "some", "so",
            "also", "from", "up", "out", "over", "than", "too", "very", "just", "there", "here",
            "much", "many", "more", "most", "other", "else", "all", "one", "get", "got");

    public static final CharArraySet STOP_WORDS;

    /**
     * Everyday verbs and adjectives that phrase a question without naming its subject ("When did
     * X come out?"). A fact base rarely uses the same ones, so they count little when checking
     * whether the facts cover a question; names and nouns keep their full weight.
     */
    private static final Set<String> GENERIC = stems(List.of(
            "come", "go", "happen", "start", "begin", "make", "take", "give", "use", "want", "need", "try", "say",
            "think", "see", "look", "find", "work", "put", "keep", "let", "seem", "become", "show", "mean", "call",
            "turn", "move", "hold", "bring", "stand", "set", "leave", "change", "play", "run", "include", "continue",
            "involve", "face", "react", "respond", "deal", "big", "small", "main", "new", "old", "good", "bad",
            "important", "really", "actually", "currently", "now", "still", "ever", "exactly", "recently", "kind",
            "type", "thing", "way", "part", "lot", "example", "specific", "general", "overall", "basic", "similar",
            "different", "concern", "related", "regarding", "situation", "mentioned", "known", "consider"));

    static {
        CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        set.addAll(QUESTION_WORDS);
        STOP_WORDS = CharArraySet.unmodifiableSet(set);
    }

    private final Analyzer analyzer = new EnglishAnalyzer(STOP_WORDS);

    /** True for a stemmed everyday word that says little about what a question is about. */
    public static boolean isGeneric(String term) {
        return GENERIC.contains(term);
    }

    private static Set<String> stems(List<String> words) {
        Set<String> stems = new java.util.HashSet<>();
        try (Analyzer english = new EnglishAnalyzer(CharArraySet.EMPTY_SET)) {
            for (String word : words) {
                stems.addAll(terms(english, word));
            }
        }
        return Set.copyOf(stems);
    }

    public Analyzer lucene() {
        return analyzer;
    }

    /** The stemmed content terms of a text, in order, with repeats. */
    public List<String> terms(String text) {
        return terms(analyzer, text);
    }

    private static List<String> terms(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(LexicalIndex.CONTENT, text)) {
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
