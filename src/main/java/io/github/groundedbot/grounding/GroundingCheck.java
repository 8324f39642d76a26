package io.github.groundedbot.grounding;

import io.github.groundedbot.answer.AnswerConfig;
import io.github.groundedbot.knowledge.Snippet;
import io.github.groundedbot.language.Agents;
import io.github.groundedbot.language.Expectation;
import io.github.groundedbot.language.Names;
import io.github.groundedbot.question.QuestionProfile;
import io.github.groundedbot.retrieval.Candidate;
import io.github.groundedbot.retrieval.LexicalIndex;
import io.github.groundedbot.retrieval.Retrieval;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Decides whether the retrieved facts answer a question, before any answer is composed.
 * <p>
 * Embedding similarity alone cannot tell "What is Huawei working on?" from "Who founded
 * Huawei?": both sit close to the Huawei snippets. So a snippet supports an answer when it is
 * semantically close <em>and</em> contains the question's rare terms (and the verb it asks about), or
 * is very close (a paraphrase); a question naming something the fact base never mentions is refused.
 * Only the snippets near the top of the ranking, and those that have the specific names the question
 * types, can support: the rest share words with the question but are about something else.
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
        boolean unknownAction = !question.action().isEmpty() && unknown(question.action(), lexical);
        // The facts most about the question that do not answer it outweigh a fact further down that shares its
        // words: "can I still sell my NC photo?" is not answered by how copyright arises in a photo.
        double floor = related.isEmpty() ? 0 : related.get(0).score() - config.supportMargin();
        List<Set<String>> specific = specificNames(question, lexical);
        // One snippet far ahead of the rest is the one a question in other words is about.
        Evidence clearLead = related.isEmpty() || related.size() > 1
                && related.get(0).score() - related.get(1).score() < config.clearLeadMargin() ? null : related.get(0);
        return new Grounding(related.stream().filter(e -> e.score() >= floor).filter(e -> snippetTerms.namesAll(e.candidate().snippet(), specific))
                .filter(e -> supports(e, weights, question, unknownAction, e == clearLead)).toList(), related, weights);
    }

    /**
     * The names a question types that the facts use in only a few snippets ("User-Agent"): what it is about,
     * so a snippet without them, however close, talks about something next to it. An acronym may be spelled
     * out there ("FOI" for "Freedom of Information"), and a follow-up's answer need not repeat the subject it
     * carries over.
     */
    private List<Set<String>> specificNames(QuestionProfile question, LexicalIndex lexical) {
        Set<String> acronyms = Names.acronyms(question.asked());
        return question.names().stream()
                .filter(name -> !acronyms.containsAll(name) && !question.carried().containsAll(name))
                .filter(name -> {
                    int most = name.stream().mapToInt(lexical::docFreq).max().orElse(0);
                    return most > 0 && most <= config.specificNameShare() * lexical.size();
                })
                .toList();
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

    private boolean supports(Evidence evidence, TermWeights weights, QuestionProfile question, boolean unknownAction,
                             boolean clearLead) {
        // A close title says the snippet is on the topic; only the snippet or a sentence close enough says it
        // answers without the question's terms (in a base about one thing, most titles are close to most
        // questions). A title close enough to be the question reworded ("biggest quake" for "largest
        // earthquake") still carries words the base never uses, but not a verb it never uses: "Where is it
        // headquartered?" asks about something no fact does, however close the title "What it does" gets.
        boolean unknownAsk = unknownAction || weights.unknownShare() >= config.maxUnknownShare();
        double reworded = unknownAction ? evidence.contentCloseness() : evidence.closest();
        boolean veryClose = evidence.contentCloseness() >= config.strongSimilarity()
                && (!unknownAsk || reworded >= config.unknownNameSimilarity());
        // A snippet far ahead of the rest may be a little less close, if it names the act asked about.
        boolean leadsClearly = clearLead && !unknownAsk && evidence.contentCloseness() >= config.clearLeadSimilarity()
                && snippetTerms.of(evidence.candidate().snippet()).terms().containsAll(question.action());
        // Shared words support only if they include what is asked about: "Who won the first Giro?" is not
        // answered by the facts about the first Giro unless they say who won it.
        return veryClose || leadsClearly || evidence.closest() >= config.minSimilarity() && evidence.coverage() >= config.minCoverage()
                && namesAction(evidence, question);
    }

    /** The snippet names the act asked about, or, for "who", credits someone with "by" or "according to". */
    private boolean namesAction(Evidence evidence, QuestionProfile question) {
        Snippet snippet = evidence.candidate().snippet();
        return snippetTerms.of(snippet).terms().containsAll(question.action())
                || question.expectation() == Expectation.AGENT && Agents.credits(snippet.text(), question.asked());
    }

    private static boolean mentionsUnknownName(QuestionProfile question, LexicalIndex lexical) {
        return question.names().stream().anyMatch(name -> unknown(name, lexical));
    }

    /** No form of the word (its stems, with synonyms) is in any snippet. */
    private static boolean unknown(Set<String> stems, LexicalIndex lexical) {
        return stems.stream().allMatch(stem -> lexical.docFreq(stem) == 0);
    }
}
