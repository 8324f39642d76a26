package io.github.groundedbot.answer;

import io.github.groundedbot.knowledge.Snippet;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Composes an answer by quoting the sentences of the supporting snippets that match the
 * question best. It never writes a sentence of its own, so every sentence has a source.
 */
@ApplicationScoped
public class ExtractiveAnswerer {

    /** A second snippet joins the answer only when it is nearly as good as the first. */
    private static final double SECOND_SNIPPET_MARGIN = 0.08;
    private static final int MAX_CHARS = 600;

    /** Most question coverage first; ties go to the better snippet, then the earlier sentence. */
    private static final Comparator<Scored> USEFULNESS = Comparator
            .comparingDouble((Scored s) -> -s.coverage)
            .thenComparingInt(s -> s.rank)
            .thenComparingInt(s -> s.index);

    private final SnippetTerms snippetTerms;
    private final AnswerConfig config;

    public ExtractiveAnswerer(SnippetTerms snippetTerms, AnswerConfig config) {
        this.snippetTerms = snippetTerms;
        this.config = config;
    }

    /** Quoted sentences with the evidence each comes from; empty when no sentence answers. */
    Optional<List<Quote>> compose(QuestionProfile question, GroundingCheck.Grounding found,
                                  GroundingCheck.Weights weights) {
        List<Evidence> supporting = found.supporting();
        if (supporting.isEmpty()) {
            return Optional.empty();
        }
        List<Scored> pool = sentences(supporting, weights);
        Evidence best = supporting.get(0);
        Optional<Scored> lead = bestOf(pool, s -> s.evidence == best && fits(question, s.text))
                // The best snippet may not hold the kind of answer asked for ("why", "when"); another
                // supporting snippet that shares the question's words may.
                .or(() -> bestOf(pool, s -> s.coverage > 0 && fits(question, s.text)))
                // A cause often sits in a neighbouring fact, or is stated without "because"; a missing
                // date or number is a real gap.
                .or(() -> !question.expectation().soft() ? Optional.empty()
                        : bestOf(sentences(found.related(), weights), s -> s.coverage > 0 && fits(question, s.text))
                        .or(() -> bestOf(pool, s -> s.evidence == best)));
        return lead.map(l -> around(l, question, pool));
    }

    /** The lead sentence, what it leans on, and sentences that cover more of the question. */
    private List<Quote> around(Scored lead, QuestionProfile question, List<Scored> supportingPool) {
        List<Scored> pool = new ArrayList<>(supportingPool);
        if (!pool.contains(lead)) {
            pool.addAll(sentences(List.of(lead.evidence), lead.rank, null));
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
            boolean closeSnippet = next.evidence.score() >= lead.evidence.score() - SECOND_SNIPPET_MARGIN;
            boolean addsTerms = question.terms().stream().anyMatch(t -> next.stems.contains(t) && !covered.contains(t));
            // Snippets are short, self-contained facts: the rest of the lead snippet completes the
            // fact (within the length budget); another snippet must add something the question asks.
            boolean useful = sameSnippet || closeSnippet && addsTerms;
            if (chosen.contains(next) || !useful
                    || Sentences.leansOnPrevious(next.text) || length(chosen) + next.text.length() > MAX_CHARS) {
                continue;
            }
            chosen.add(next);
            covered.addAll(next.stems);
        }
        // Read in the snippets' own order: by evidence rank, then sentence position.
        chosen.sort(Comparator.comparingInt((Scored s) -> s.rank).thenComparingInt(s -> s.index));
        return chosen.stream().map(s -> new Quote(s.text, s.evidence)).toList();
    }

    /** Numbers the cited snippets in order of first use and puts the markers in the text. */
    static Composed cite(List<Quote> quotes) {
        Map<Snippet, Integer> markers = new LinkedHashMap<>();
        Map<Snippet, Evidence> evidence = new LinkedHashMap<>();
        List<String> sentences = new ArrayList<>();
        for (Quote quote : quotes) {
            Snippet snippet = quote.evidence().candidate().snippet();
            int marker = markers.computeIfAbsent(snippet, s -> markers.size() + 1);
            evidence.putIfAbsent(snippet, quote.evidence());
            sentences.add(Sentences.cite(quote.sentence(), marker));
        }
        return new Composed(sentences, List.copyOf(evidence.values()));
    }

    private List<Scored> sentences(List<Evidence> evidence, GroundingCheck.Weights weights) {
        List<Scored> pool = new ArrayList<>();
        for (int rank = 0; rank < evidence.size(); rank++) {
            pool.addAll(sentences(List.of(evidence.get(rank)), rank, weights));
        }
        return pool;
    }

    private List<Scored> sentences(List<Evidence> one, int rank, GroundingCheck.Weights weights) {
        Evidence evidence = one.get(0);
        SnippetTerms.Analysis analysis = snippetTerms.of(evidence.candidate().snippet());
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < analysis.sentences().size(); i++) {
            Set<String> stems = analysis.sentenceTerms().get(i);
            scored.add(new Scored(analysis.sentences().get(i), evidence, rank, i, stems,
                    weights == null ? 0 : weights.coverage(stems)));
        }
        return scored;
    }

    private boolean fits(QuestionProfile question, String sentence) {
        return switch (question.expectation()) {
            case TIME -> Sentences.mentionsTime(sentence);
            case QUANTITY -> Sentences.mentionsQuantity(sentence, question.asked())
                    && snippetTerms.terms(sentence).containsAll(question.counted());
            case REASON -> Sentences.givesReason(sentence);
            case PURPOSE -> Sentences.givesPurpose(sentence);
            case ANY -> true;
        };
    }

    private static Optional<Scored> bestOf(List<Scored> pool, Predicate<Scored> filter) {
        return pool.stream().filter(filter).min(USEFULNESS);
    }

    private static int length(List<Scored> chosen) {
        return chosen.stream().mapToInt(s -> s.text.length() + 5).sum();
    }

    record Quote(String sentence, Evidence evidence) {
    }

    /** Cited sentences (each with its marker) and the evidence they cite, in marker order. */
    record Composed(List<String> sentences, List<Evidence> cited) {
        String text() {
            return String.join(" ", sentences);
        }
    }

    private record Scored(String text, Evidence evidence, int rank, int index, Set<String> stems, double coverage) {
    }
}
