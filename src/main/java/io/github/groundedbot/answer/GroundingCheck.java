package io.github.groundedbot.answer;

import io.github.groundedbot.retrieval.Candidate;
import io.github.groundedbot.retrieval.LexicalIndex;
import io.github.groundedbot.retrieval.Retrieval;
import io.github.groundedbot.retrieval.TextAnalyzer;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Decides whether the retrieved facts answer a question, before any answer is composed.
 * <p>
 * Embedding similarity alone cannot tell "What is Huawei working on?" from "Who founded
 * Huawei?": both sit close to the Huawei snippets. So a snippet supports an answer when it is
 * semantically close <em>and</em> contains the question's rare terms, or is very close (a
 * paraphrase); and a question naming something the fact base never mentions is refused.
 */
@ApplicationScoped
public class GroundingCheck {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(GroundingCheck.class);

    private final SnippetTerms snippetTerms;
    private final AnswerConfig config;

    public GroundingCheck(SnippetTerms snippetTerms, AnswerConfig config) {
        this.snippetTerms = snippetTerms;
        this.config = config;
    }

    /**
     * The outcome for one question.
     *
     * @param supporting snippets that answer the question, best first; empty when the facts do not
     * @param related    every retrieved snippet at least {@code answer.min-similarity} close, best first:
     *                   where a supported question's cause or date may sit in a neighbouring fact
     */
    record Grounding(List<Evidence> supporting, List<Evidence> related) {
        static final Grounding NONE = new Grounding(List.of(), List.of());
    }

    Grounding check(QuestionProfile question, Retrieval retrieval, Weights weights) {
        if (question.terms().isEmpty() || retrieval.candidates().isEmpty()) {
            return Grounding.NONE;
        }
        LexicalIndex lexical = retrieval.index().lexical();
        double bestCosine = retrieval.candidates().stream().mapToDouble(Candidate::cosine).max().orElse(0);
        if (mentionsUnknownName(question, lexical) && bestCosine < config.unknownNameSimilarity()) {
            LOG.debugf("Refused '%s': it names something the fact base never mentions", retrieval.query());
            return Grounding.NONE;
        }
        List<Evidence> related = retrieval.candidates().stream()
                .filter(candidate -> candidate.cosine() >= config.minSimilarity())
                .map(candidate -> {
                    Set<String> stems = snippetTerms.of(candidate.snippet()).terms();
                    double coverage = weights.coverage(stems);
                    // In a follow-up the carried subjects pull every candidate towards the last answer;
                    // rank by what is asked now ("did that stop China?") where the question says anything.
                    double asked = question.carried().isEmpty() || !weights.asksSomething() ? coverage
                            : weights.ownCoverage(stems);
                    return new Evidence(candidate, coverage, 0.6 * candidate.cosine() + 0.4 * asked);
                })
                .peek(e -> LOG.debugf("cos=%.3f cov=%.2f %s", e.candidate().cosine(), e.coverage(),
                        e.candidate().snippet().id()))
                .sorted(Comparator.comparingDouble(Evidence::score).reversed())
                .toList();
        return new Grounding(related.stream().filter(this::supports).toList(), related);
    }

    private boolean supports(Evidence evidence) {
        double cosine = evidence.candidate().cosine();
        return cosine >= config.strongSimilarity()
                || (cosine >= config.minSimilarity() && evidence.coverage() >= config.minCoverage());
    }

    private static boolean mentionsUnknownName(QuestionProfile question, LexicalIndex lexical) {
        return question.names().stream()
                .anyMatch(name -> name.stream().allMatch(stem -> lexical.docFreq(stem) == 0));
    }

    /** IDF weights of the question's terms, so rare words matter more than common ones. */
    static final class Weights {
        private final Set<String> terms;
        private final java.util.Map<String, Double> idf = new java.util.HashMap<>();
        private final double total;
        private final Set<String> carried;
        private double ownTotal;

        Weights(QuestionProfile question, LexicalIndex lexical) {
            this.terms = question.terms();
            this.carried = question.carried();
            int n = lexical.size();
            double sum = 0;
            for (String term : terms) {
                int df = lexical.docFreq(term);
                double weight = Math.log(1 + (n - df + 0.5) / (df + 0.5)); // BM25's IDF
                if (TextAnalyzer.isGeneric(term)) {
                    weight = Math.log(1 + (n - n / 2.0 + 0.5) / (n / 2.0 + 0.5)); // as if half the facts used it
                }
                if (question.carried().contains(term)) {
                    weight /= 2; // context from earlier turns must not outweigh what is asked now
                } else if (!question.carried().isEmpty() && df == 0) {
                    // With the subject set by context, a word the facts never use is most likely
                    // phrasing ("which countries would it affect?") rather than a new subject.
                    weight = Math.log(1 + (n - n / 2.0 + 0.5) / (n / 2.0 + 0.5));
                }
                if (!question.carried().contains(term) && !TextAnalyzer.isGeneric(term)) {
                    ownTotal += weight;
                }
                idf.put(term, weight);
                sum += weight;
            }
            this.total = sum;
        }

        double coverage(Set<String> stems) {
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
        double ownCoverage(Set<String> stems) {
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
        boolean asksSomething() {
            return ownTotal > 0;
        }
    }
}
