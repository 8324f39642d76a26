package io.github.groundedbot.answer;

import io.github.groundedbot.knowledge.Snippet;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Composes an answer by quoting the sentences of the supporting snippets that match the
 * question best. It never writes a sentence of its own, so every sentence has a source.
 */
@ApplicationScoped
public class ExtractiveAnswerer {

    /** A second snippet joins the answer only when it is nearly as good as the first. */
    private static final double SECOND_SNIPPET_MARGIN = 0.08;
    private static final int MAX_CHARS = 600;

    private final GroundingCheck grounding;
    private final AnswerConfig config;

    public ExtractiveAnswerer(GroundingCheck grounding, AnswerConfig config) {
        this.grounding = grounding;
        this.config = config;
    }

    /** Quoted sentences with the evidence each comes from; empty when no sentence answers. */
    Optional<List<Quote>> compose(QuestionProfile question, List<Evidence> supporting,
                                  GroundingCheck.Weights weights) {
        if (supporting.isEmpty()) {
            return Optional.empty();
        }
        List<Scored> pool = new ArrayList<>();
        for (int rank = 0; rank < supporting.size(); rank++) {
            Evidence evidence = supporting.get(rank);
            List<String> sentences = Sentences.split(evidence.candidate().snippet().text());
            for (int i = 0; i < sentences.size(); i++) {
                String sentence = sentences.get(i);
                Set<String> stems = grounding.stems(sentence);
                pool.add(new Scored(sentence, evidence, rank, i, stems, weights.coverage(stems)));
            }
        }

        Evidence best = supporting.get(0);
        List<Scored> chosen = new ArrayList<>();
        Scored lead = bestOf(pool, s -> s.evidence == best && fits(question, s.text))
                .or(() -> bestOf(pool, s -> s.coverage > 0 && fits(question, s.text)
                        && s.evidence.score() >= best.score() - SECOND_SNIPPET_MARGIN))
                .orElse(null);
        if (lead == null) {
            return Optional.empty(); // e.g. "when…?" but no supporting sentence holds a date
        }
        chosen.add(lead);

        Set<String> covered = new HashSet<>(lead.stems);
        for (Scored candidate : byUsefulness(pool)) {
            if (chosen.size() >= config.maxSentences()) {
                break;
            }
            boolean sameSnippet = candidate.evidence == lead.evidence;
            boolean closeSnippet = candidate.evidence.score() >= lead.evidence.score() - SECOND_SNIPPET_MARGIN;
            boolean addsTerms = question.terms().stream()
                    .anyMatch(t -> candidate.stems.contains(t) && !covered.contains(t));
            boolean continues = sameSnippet && candidate.index == lead.index + 1 && lead.coverage == 0;
            if (chosen.contains(candidate) || !(sameSnippet || closeSnippet) || !(addsTerms || continues)
                    || length(chosen) + candidate.text.length() > MAX_CHARS) {
                continue;
            }
            chosen.add(candidate);
            covered.addAll(candidate.stems);
        }
        // Keep the snippets' own order: by evidence rank, then sentence position.
        chosen.sort((a, b) -> a.rank != b.rank ? Integer.compare(a.rank, b.rank) : Integer.compare(a.index, b.index));
        return Optional.of(chosen.stream().map(s -> new Quote(s.text, s.evidence)).toList());
    }

    /** Numbers the cited snippets in order of first use and puts the markers in the text. */
    static Composed cite(List<Quote> quotes) {
        Map<Snippet, Integer> markers = new LinkedHashMap<>();
        Map<Snippet, Evidence> evidence = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        for (Quote quote : quotes) {
            Snippet snippet = quote.evidence().candidate().snippet();
            int marker = markers.computeIfAbsent(snippet, s -> markers.size() + 1);
            evidence.putIfAbsent(snippet, quote.evidence());
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(Sentences.cite(quote.sentence(), marker));
        }
        return new Composed(text.toString(), List.copyOf(evidence.values()));
    }

    private static boolean fits(QuestionProfile question, String sentence) {
        return switch (question.expectation()) {
            case TIME -> Sentences.mentionsTime(sentence);
            case QUANTITY -> Sentences.mentionsQuantity(sentence);
            case ANY -> true;
        };
    }

    private static Optional<Scored> bestOf(List<Scored> pool, java.util.function.Predicate<Scored> filter) {
        return pool.stream().filter(filter).min(USEFULNESS);
    }

    private static List<Scored> byUsefulness(List<Scored> pool) {
        return pool.stream().sorted(USEFULNESS).toList();
    }

    /** Most question coverage first; ties go to the better snippet, then the earlier sentence. */
    private static final java.util.Comparator<Scored> USEFULNESS = java.util.Comparator
            .comparingDouble((Scored s) -> -s.coverage)
            .thenComparingInt(s -> s.rank)
            .thenComparingInt(s -> s.index);

    private static int length(List<Scored> chosen) {
        return chosen.stream().mapToInt(s -> s.text.length() + 5).sum();
    }

    record Quote(String sentence, Evidence evidence) {
    }

    record Composed(String text, List<Evidence> cited) {
    }

    private record Scored(String text, Evidence evidence, int rank, int index, Set<String> stems, double coverage) {
    }
}
