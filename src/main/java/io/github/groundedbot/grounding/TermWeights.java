package io.github.groundedbot.grounding;

import io.github.groundedbot.language.TextAnalyzer;
import io.github.groundedbot.question.QuestionProfile;
import io.github.groundedbot.retrieval.LexicalIndex;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** IDF weights of a question's terms in one index version, so rare words matter more than common ones. */
public final class TermWeights {

    private final Set<String> terms;
    private final Set<String> carried;
    private final Map<String, Double> idf = new HashMap<>();
    private final double total;
    private final double ownTotal;
    private final double unknownShare;

    /** A term in this share of the snippets is "fairly rare": the least weight a question's terms count for. */
    private static final double INFORMATIVE_SHARE = 0.25;

    public TermWeights(QuestionProfile question, LexicalIndex lexical) {
        this.terms = question.terms();
        this.carried = question.carried();
        int n = lexical.size();
        double halfTheFacts = idf(n, n / 2.0);
        double sum = 0;
        double own = 0;
        for (String term : terms) {
            int df = lexical.docFreq(term);
            double weight = idf(n, df);
            if (TextAnalyzer.isGeneric(term)) {
                weight = halfTheFacts; // as if half the facts used it
            }
            if (carried.contains(term)) {
                weight /= 2; // context from earlier turns must not outweigh what is asked now
            } else if (!carried.isEmpty() && df == 0) {
                // With the subject set by context, a word the facts never use is most likely
                // phrasing ("which countries would it affect?") rather than a new subject.
                weight = halfTheFacts;
            }
            if (!carried.contains(term) && !TextAnalyzer.isGeneric(term)) {
                own += weight;
            }
            idf.put(term, weight);
            sum += weight;
        }
        // A question whose terms every snippet uses ("why so many earthquakes?" in a base about
        // earthquakes) says little: coverage is measured against at least one fairly rare term's weight.
        double informative = idf(n, n * INFORMATIVE_SHARE);
        this.total = Math.max(sum, informative);
        this.ownTotal = own == 0 ? 0 : Math.max(own, informative);
        double unknownWeight = 0;
        for (String term : terms) {
            if (!carried.contains(term) && !TextAnalyzer.isGeneric(term) && lexical.docFreq(term) == 0) {
                unknownWeight += idf.get(term);
            }
        }
        this.unknownShare = own == 0 ? 0 : unknownWeight / own;
    }

    /**
     * The share of the question's own weight carried by words of substance that no snippet uses
     * ("What licence is X under?" in a base that never mentions a licence): when it is large, the
     * specific ask is off the facts however close the topic is.
     */
    public double unknownShare() {
        return unknownShare;
    }

    /** BM25's IDF of a term found in {@code df} of {@code n} snippets. */
    private static double idf(int n, double df) {
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }

    /** The IDF-weighted share of the question's terms found in {@code stems} (0..1). */
    public double coverage(Set<String> stems) {
        if (total == 0) {
            return 0;
        }
        double covered = 0;
        for (String term : terms) {
            if (stems.contains(term)) {
                covered += idf.get(term);
            }
        }
        return covered / total;
    }

    /** Coverage of the terms the question itself brings (not carried, not generic). */
    public double ownCoverage(Set<String> stems) {
        if (ownTotal == 0) {
            return 0;
        }
        double covered = 0;
        for (String term : terms) {
            if (!carried.contains(term) && !TextAnalyzer.isGeneric(term) && stems.contains(term)) {
                covered += idf.get(term);
            }
        }
        return covered / ownTotal;
    }

    /** False for "and when?" or "why?": nothing but the wh-word and the carried subjects. */
    public boolean asksSomething() {
        return ownTotal > 0;
    }
}
