package io.github.groundedbot.compose;

import io.github.groundedbot.answer.AnswerConfig;
import io.github.groundedbot.grounding.Evidence;
import io.github.groundedbot.grounding.Grounding;
import io.github.groundedbot.grounding.SnippetTerms;
import io.github.groundedbot.grounding.TermWeights;
import io.github.groundedbot.language.Agents;
import io.github.groundedbot.language.AnswerCues;
import io.github.groundedbot.language.Expectation;
import io.github.groundedbot.language.Sentences;
import io.github.groundedbot.question.QuestionProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Composes an answer by quoting the sentences of the supporting snippets that match the
 * question best. It never writes a sentence of its own, so every sentence has a source.
 */
@ApplicationScoped
@Typed(ExtractiveComposer.class)
public class ExtractiveComposer implements AnswerComposer {

    /** Characters counted per sentence besides its text: the marker and the space. */
    private static final int MARKER_LENGTH = 5;

    /** Most question coverage first; ties go to the better snippet, then the earlier sentence. */
    private static final Comparator<Scored> USEFULNESS = Comparator
            .comparingDouble((Scored s) -> -s.coverage)
            .thenComparingInt(s -> s.rank)
            .thenComparingInt(s -> s.index);

    private final SnippetTerms snippetTerms;
    private final AnswerConfig config;

    public ExtractiveComposer(SnippetTerms snippetTerms, AnswerConfig config) {
        this.snippetTerms = snippetTerms;
        this.config = config;
    }

    @Override
    public Optional<Draft> compose(Composition composition, Deltas deltas) {
        Optional<Draft> draft = draft(composition);
        draft.ifPresent(d -> deltas.sentences(d.sentences()));
        return draft;
    }

    /** The draft without sending it anywhere: what another composer falls back to. */
    public Optional<Draft> draft(Composition composition) {
        return quotes(composition.question().profile(), composition.grounding()).map(Draft::cite);
    }

    /** Quoted sentences with the evidence each comes from; empty when no sentence answers. */
    private Optional<List<Draft.Quote>> quotes(QuestionProfile question, Grounding found) {
        List<Evidence> supporting = found.supporting();
        if (supporting.isEmpty()) {
            return Optional.empty();
        }
        TermWeights weights = found.weights();
        List<Scored> pool = sentences(supporting, weights);
        Evidence best = supporting.get(0);
        // The best snippet may not hold the kind of answer asked for ("why", "when"); another snippet that
        // shares the question's words may. A date, number, place or doer must be of what the question names:
        // the deadline of public bodies in general does not answer "How many days does a Scottish authority
        // have?". A cause may be told in other words ("head start" for "gap").
        Predicate<Scored> answers = s -> s.coverage > 0 && fits(question, s)
                && (question.expectation().soft()
                || snippetTerms.namesAll(s.evidence.candidate().snippet(), question.names()));
        Optional<Scored> lead = bestOf(pool, s -> s.evidence == best && fits(question, s))
                .or(() -> bestOf(pool, answers))
                // A cause or purpose often sits in a neighbouring fact that shares the question's words.
                // A sentence that states none does not answer "why", however close its snippet: like a
                // missing date or number, that is a gap to refuse, not a topic to talk about.
                .or(() -> !question.expectation().soft() ? Optional.empty()
                        : bestOf(sentences(found.related(), weights), answers));
        return lead.map(l -> around(l, question, pool, weights));
    }

    /** The lead sentence, what it leans on, and sentences that cover more of the question. */
    private List<Draft.Quote> around(Scored lead, QuestionProfile question, List<Scored> supportingPool,
                                     TermWeights weights) {
        List<Scored> pool = new ArrayList<>(supportingPool);
        if (!pool.contains(lead)) {
            pool.addAll(sentences(lead.evidence, lead.rank, weights));
        }
        List<Scored> chosen = new ArrayList<>();
        chosen.add(lead);
        if (Sentences.leansOnPrevious(lead.text)) {
            pool.stream().filter(s -> s.evidence == lead.evidence && s.index == lead.index - 1)
                    .findFirst().ifPresent(chosen::add);
        }
        Set<String> covered = new HashSet<>();
        chosen.forEach(s -> covered.addAll(s.stems));
        for (Scored next : pool.stream().sorted(USEFULNESS).toList()) {
            if (chosen.size() >= config.maxSentences()) {
                break;
            }
            boolean sameSnippet = next.evidence == lead.evidence;
            boolean closeSnippet = next.evidence.score() >= lead.evidence.score() - config.secondSnippetMargin();
            boolean addsTerms = question.terms().stream().anyMatch(t -> next.stems.contains(t) && !covered.contains(t));
            // Snippets are short, self-contained facts: the rest of the lead snippet completes the
            // fact (within the length budget); another snippet must add something the question asks.
            boolean useful = sameSnippet || closeSnippet && addsTerms;
            // A sentence that leans on the one before it ("It acts on …") joins only after that one.
            boolean leansOnMissing = Sentences.leansOnPrevious(next.text) && chosen.stream()
                    .noneMatch(s -> s.evidence == next.evidence && s.index == next.index - 1);
            if (chosen.contains(next) || !useful || leansOnMissing
                    || length(chosen) + next.text.length() > config.maxAnswerLength()) {
                continue;
            }
            chosen.add(next);
            covered.addAll(next.stems);
        }
        // Read in the snippets' own order: by evidence rank, then sentence position.
        chosen.sort(Comparator.comparingInt((Scored s) -> s.rank).thenComparingInt(s -> s.index));
        return chosen.stream().map(s -> new Draft.Quote(s.text, s.evidence)).toList();
    }

    private List<Scored> sentences(List<Evidence> evidence, TermWeights weights) {
        List<Scored> pool = new ArrayList<>();
        for (int rank = 0; rank < evidence.size(); rank++) {
            pool.addAll(sentences(evidence.get(rank), rank, weights));
        }
        return pool;
    }

    private List<Scored> sentences(Evidence evidence, int rank, TermWeights weights) {
        SnippetTerms.Analysis analysis = snippetTerms.of(evidence.candidate().snippet());
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < analysis.sentences().size(); i++) {
            Set<String> stems = analysis.sentenceTerms().get(i);
            scored.add(new Scored(analysis.sentences().get(i), evidence, rank, i, stems, weights.coverage(stems)));
        }
        return scored;
    }

    /**
     * The sentence holds the kind of answer asked for, names what "how many" counts (its terms are already
     * known), the act a date or place is asked for unless the sentence is the question reworded ("When was it
     * founded?" is not answered by the date of something else) and, for "who did it", someone other than the
     * subject who did it.
     */
    private boolean fits(QuestionProfile question, Scored sentence) {
        return AnswerCues.fits(question.expectation(), sentence.text, question.asked())
                && sentence.stems.containsAll(question.counted())
                && (!question.expectation().hard() || sentence.stems.containsAll(question.action())
                || sentence.evidence.sentenceCosine(sentence.index) >= config.strongSimilarity())
                && (question.expectation() != Expectation.AGENT || Agents.namesDoer(sentence.text, question.asked(),
                isAction(question, sentence)));
    }

    /** A word of the sentence that is the verb asked about; no word is when the sentence lacks the verb's stems. */
    private Predicate<String> isAction(QuestionProfile question, Scored sentence) {
        return Collections.disjoint(sentence.stems, question.action()) ? word -> false
                : word -> !Collections.disjoint(snippetTerms.terms(word), question.action());
    }

    private static Optional<Scored> bestOf(List<Scored> pool, Predicate<Scored> filter) {
        return pool.stream().filter(filter).min(USEFULNESS);
    }

    private static int length(List<Scored> chosen) {
        return chosen.stream().mapToInt(s -> s.text.length() + MARKER_LENGTH).sum();
    }

    private record Scored(String text, Evidence evidence, int rank, int index, Set<String> stems, double coverage) {
    }
}
