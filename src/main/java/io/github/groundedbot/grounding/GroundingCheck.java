package io.github.groundedbot.grounding;

import io.github.groundedbot.answer.AnswerConfig;
import io.github.groundedbot.question.QuestionProfile;
import io.github.groundedbot.retrieval.Calibration;
import io.github.groundedbot.retrieval.Candidate;
import io.github.groundedbot.retrieval.LexicalIndex;
import io.github.groundedbot.retrieval.Retrieval;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Comparator;
import java.util.List;

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

    private static final Logger LOG = Logger.getLogger(GroundingCheck.class);

    private final SnippetTerms snippetTerms;
    private final AnswerConfig config;

    public GroundingCheck(SnippetTerms snippetTerms, AnswerConfig config) {
        this.snippetTerms = snippetTerms;
        this.config = config;
    }

    /** Grounds a question in what retrieval found, with term weights from the same index version. */
    public Grounding check(QuestionProfile question, Retrieval retrieval) {
        LexicalIndex lexical = retrieval.index().lexical();
        TermWeights weights = new TermWeights(question, lexical);
        if (question.terms().isEmpty() || retrieval.candidates().isEmpty()) {
            return Grounding.none(weights);
        }
        double bestCosine = retrieval.candidates().stream().mapToDouble(Candidate::cosine).max().orElse(0);
        if (mentionsUnknownName(question, lexical) && bestCosine < config.unknownNameSimilarity()) {
            LOG.debugf("Refused '%s': it names something the fact base never mentions", retrieval.query());
            return Grounding.none(weights);
        }
        // In a follow-up the carried subjects pull every candidate towards the last answer; rank by
        // what is asked now ("did that stop China?") where the question says anything of its own.
        boolean rankByOwnTerms = !question.carried().isEmpty() && weights.asksSomething();
        List<Evidence> related = retrieval.candidates().stream()
                .map(candidate -> evidence(candidate, retrieval, weights, rankByOwnTerms))
                .filter(e -> e.closest() >= config.minSimilarity())
                .peek(e -> logScores(retrieval, e))
                .sorted(Comparator.comparingDouble(Evidence::score).reversed())
                .toList();
        Thresholds thresholds = thresholds(retrieval.index().calibration());
        return new Grounding(related.stream().filter(e -> supports(e, thresholds, weights)).toList(), related, weights);
    }

    /**
     * How one candidate supports the question, ranked by closeness (the whole snippet, and its closest
     * title or sentence) and by the question's terms in its title and in its text; a follow-up that
     * asks something of its own is ranked by its own terms instead of the terms it carried.
     */
    private Evidence evidence(Candidate candidate, Retrieval retrieval, TermWeights weights, boolean rankByOwnTerms) {
        SnippetTerms.Analysis analysis = snippetTerms.of(candidate.snippet());
        double coverage = weights.coverage(analysis.terms());
        double[] parts = retrieval.index().sentences().cosines(retrieval.queryEmbedding(), candidate.snippet().id());
        double closest = new Evidence(candidate, coverage, 0, parts).closest();
        double closeness = config.snippetWeight() * candidate.cosine() + config.partWeight() * closest;
        double closenessShare = config.snippetWeight() + config.partWeight();
        double score = rankByOwnTerms
                ? (1 - config.followUpOwnWeight()) * closeness / closenessShare
                + config.followUpOwnWeight() * weights.ownCoverage(analysis.terms())
                : closeness + config.titleWeight() * weights.coverage(analysis.titleTerms())
                + (1 - closenessShare - config.titleWeight()) * coverage;
        return new Evidence(candidate, coverage, score, parts);
    }

    /** The scores behind a ranking, at DEBUG; checked first, so an answer boxes no numbers for a disabled log. */
    private static void logScores(Retrieval retrieval, Evidence e) {
        if (LOG.isDebugEnabled()) {
            LOG.debugf("q=%s score=%.3f cos=%.3f cov=%.2f title=%.3f best=%.3f %s", retrieval.query(), e.score(),
                    e.candidate().cosine(), e.coverage(), e.titleCosine(), e.bestSentenceCosine(),
                    e.candidate().snippet().id());
        }
    }

    /**
     * The configured thresholds, raised to what this base's calibration shows unrelated snippets
     * reach: closeness alone supports only above that level, and closeness with the question's terms
     * only above the median unrelated snippet.
     */
    private Thresholds thresholds(Calibration calibration) {
        return new Thresholds(config.strongSimilarity(), config.minSimilarity());
    }

    private boolean supports(Evidence evidence, Thresholds thresholds, TermWeights weights) {
        // A close title says the snippet is on the topic; only the snippet or a sentence close enough says it
        // answers without the question's terms (in a base about one thing, most titles are close to most
        // questions). A title close enough to be the question reworded ("biggest quake" for "largest
        // earthquake") still carries words the base never uses.
        boolean veryClose = evidence.contentCloseness() >= thresholds.strong()
                && (weights.unknownShare() < config.maxUnknownShare()
                || evidence.closest() >= config.unknownNameSimilarity());
        return veryClose || evidence.closest() >= thresholds.lexical() && evidence.coverage() >= config.minCoverage();
    }

    /** @param strong closeness that supports alone; @param lexical closeness that supports with the question's terms */
    private record Thresholds(double strong, double lexical) {
    }

    private static boolean mentionsUnknownName(QuestionProfile question, LexicalIndex lexical) {
        return question.names().stream()
                .anyMatch(name -> name.stream().allMatch(stem -> lexical.docFreq(stem) == 0));
    }
}
