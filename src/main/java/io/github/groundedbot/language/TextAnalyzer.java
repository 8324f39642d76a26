package io.github.groundedbot.language;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.CharsRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lucene's English analysis (possessives, stop words, Porter stems) with synonyms
 * ({@code synonyms.txt}: "firm" and "company" stand for each other), shared by the lexical index
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

    /** Stems that stand for each other, each emitted beside the other. */
    private static final SynonymMap SYNONYMS;

    /**
     * Past forms of irregular verbs ({@code irregular-verbs.txt}) and nouns for the one who does something
     * ({@code agent-noun-verbs.txt}), each with the stem of the verb it comes from.
     */
    private static final StemmerOverrideFilter.StemmerOverrideMap VERB_FORMS;

    static {
        CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        set.addAll(WordList.load("question-words").entries());
        STOP_WORDS = CharArraySet.unmodifiableSet(set);
        Set<String> generic = new HashSet<>();
        try (Analyzer english = new EnglishAnalyzer(CharArraySet.EMPTY_SET)) {
            VERB_FORMS = verbForms(english);
            WordList.load("generic-words").entries().forEach(word -> generic.addAll(terms(english, word)));
            GENERIC = Set.copyOf(generic);
            SYNONYMS = synonyms(english);
        }
    }

    private final Analyzer analyzer = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new EnglishPossessiveFilter(source);
            stream = new LowerCaseFilter(stream);
            stream = new StopFilter(stream, STOP_WORDS);
            stream = new StemmerOverrideFilter(stream, VERB_FORMS);
            stream = new PorterStemFilter(stream);
            return new TokenStreamComponents(source, new SynonymGraphFilter(stream, SYNONYMS, true));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    };

    /**
     * Each past form maps to its verb's stem, which Porter stemming cannot give: "won" is "win", and
     * "found" is "find", apart from "founded" (Porter's "found").
     */
    private static StemmerOverrideFilter.StemmerOverrideMap verbForms(Analyzer english) {
        StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(false);
        for (String list : List.of("irregular-verbs", "agent-noun-verbs")) {
            for (String line : WordList.load(list).entries()) {
                String[] pair = line.split("\\s+");
                List<String> verb = pair.length == 2 ? terms(english, pair[1]) : List.of();
                if (verb.size() != 1) {
                    throw new IllegalStateException(list + ".txt: '" + line + "' is not a word and its verb");
                }
                builder.add(pair[0], verb.get(0));
            }
        }
        try {
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build the irregular verb map", e);
        }
    }

    /** Each word of a group, stemmed, maps to every other word of its group, keeping itself. */
    private static SynonymMap synonyms(Analyzer english) {
        SynonymMap.Builder builder = new SynonymMap.Builder(true);
        for (String line : WordList.load("synonyms").entries()) {
            List<String> stems = new ArrayList<>();
            for (String word : line.split(",")) {
                List<String> stemmed = terms(english, word.strip());
                if (stemmed.size() != 1) {
                    throw new IllegalStateException("synonyms.txt: '" + word.strip() + "' is not one word");
                }
                stems.add(stemmed.get(0));
            }
            for (String from : stems) {
                for (String to : stems) {
                    if (!from.equals(to)) {
                        builder.add(new CharsRef(from), new CharsRef(to), true);
                    }
                }
            }
        }
        try {
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build the synonym map", e);
        }
    }

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
