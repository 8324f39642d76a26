package io.github.groundedbot.answer;

import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import io.github.groundedbot.compose.AnswerComposer;
import io.github.groundedbot.compose.Composition;
import io.github.groundedbot.compose.Deltas;
import io.github.groundedbot.compose.Draft;
import io.github.groundedbot.grounding.Evidence;
import io.github.groundedbot.grounding.Grounding;
import io.github.groundedbot.grounding.GroundingCheck;
import io.github.groundedbot.knowledge.FactBase;
import io.github.groundedbot.question.QuestionProfile;
import io.github.groundedbot.question.QuestionReader;
import io.github.groundedbot.question.ReadQuestion;
import io.github.groundedbot.retrieval.HybridRetriever;
import io.github.groundedbot.retrieval.IndexHolder;
import io.github.groundedbot.retrieval.KnowledgeIndex;
import io.github.groundedbot.retrieval.LexicalIndex;
import io.github.groundedbot.retrieval.Retrieval;
import io.github.groundedbot.retrieval.RetrievalConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs a question through the same stages as {@link AnswerService} (the same reader, retriever,
 * grounding check and composer beans) and keeps what each decided. It has no side effects: nothing
 * is remembered in a conversation, counted in the answer metrics or logged as unanswered. A question
 * is explained as the first of a conversation, so it is read as standalone or small talk.
 */
@ApplicationScoped
public class Explainer {

    private static final double SCALE = 10_000;

    private final QuestionValidator validator;
    private final QuestionReader reader;
    private final HybridRetriever retriever;
    private final GroundingCheck grounding;
    private final AnswerComposer composer;
    private final IndexHolder holder;
    private final AnswerConfig answerConfig;
    private final RetrievalConfig retrievalConfig;

    public Explainer(QuestionValidator validator, QuestionReader reader, HybridRetriever retriever,
                     GroundingCheck grounding, AnswerComposer composer, IndexHolder holder, AnswerConfig answerConfig,
                     RetrievalConfig retrievalConfig) {
        this.validator = validator;
        this.reader = reader;
        this.retriever = retriever;
        this.grounding = grounding;
        this.composer = composer;
        this.holder = holder;
        this.answerConfig = answerConfig;
        this.retrievalConfig = retrievalConfig;
    }

    /**
     * Explains a question as the serving index and composer answer it.
     *
     * @throws InvalidQuestionException when the question is not acceptable, as {@link AnswerService} would
     */
    public Explanation explain(String question) {
        return explain(question, holder.current(), composer);
    }

    /** Explains a question against any index version, serving or not, with the given composer. */
    public Explanation explain(String question, KnowledgeIndex index, AnswerComposer composer) {
        String text = validator.question(question);
        FactBase facts = index.facts();
        ReadQuestion read = reader.read(facts.aliases().apply(text), List.of()); // as AnswerService reads it
        if (read instanceof ReadQuestion.SmallTalkMessage smallTalk) {
            Explanation.Reading reading = new Explanation.Reading(kind(read), null, List.of(), null, List.of(),
                    List.of());
            return new Explanation(text, reading, List.of(), thresholds(), List.of(),
                    Answer.of(Outcome.SMALL_TALK, Replies.smallTalk(smallTalk.kind(), facts.topics()), null));
        }
        ReadQuestion.Searched searched = (ReadQuestion.Searched) read;
        QuestionProfile profile = searched.profile();
        Retrieval retrieval = retriever.retrieveUnmetered(profile.text(), profile.terms(), index);
        Grounding found = grounding.check(profile, retrieval);
        Optional<Draft> draft = composer.compose(new Composition(searched, found, List.of()), Deltas.none());

        String resolved = searched instanceof ReadQuestion.Standalone ? null : searched.resolved();
        Answer answer = draft
                .map(d -> new Answer(d.text(), Outcome.ANSWERED, AnswerService.citations(d), null, resolved))
                .orElseGet(() -> new Answer(Replies.refusal(facts.topics()), Outcome.REFUSED, List.of(), null,
                        resolved));
        Explanation.Reading reading = new Explanation.Reading(kind(read), profile.text(), searched.carried(),
                profile.expectation().name().toLowerCase(Locale.ROOT), List.copyOf(profile.terms()),
                unknownNames(profile, index.lexical()));
        Set<String> cited = draft.map(d -> d.cited().stream().map(Explainer::id).collect(Collectors.toSet()))
                .orElse(Set.of());
        return new Explanation(text, reading, decisions(retrieval, found, cited), thresholds(),
                draft.map(Draft::sentences).orElse(List.of()), answer);
    }

    private List<Explanation.CandidateDecision> decisions(Retrieval retrieval, Grounding found, Set<String> cited) {
        KnowledgeIndex index = retrieval.index();
        int perRetriever = retrievalConfig.candidatesPerRetriever();
        Map<String, Integer> denseRanks = ranks(index.vectors().search(EmbeddingSearchRequest.builder()
                .queryEmbedding(retrieval.queryEmbedding()).maxResults(perRetriever).build()).matches().stream()
                .map(EmbeddingMatch::embeddingId).toList());
        List<LexicalIndex.Hit> hits = index.lexical().search(retrieval.query(), perRetriever);
        Map<String, Integer> lexicalRanks = ranks(hits.stream().map(LexicalIndex.Hit::id).toList());
        Map<String, Double> bm25 = hits.stream().collect(Collectors.toMap(LexicalIndex.Hit::id,
                LexicalIndex.Hit::score, (a, b) -> a));
        Map<String, Evidence> weighed = found.related().stream()
                .collect(Collectors.toMap(Explainer::id, Function.identity(), (a, b) -> a));
        Set<String> supporting = found.supporting().stream().map(Explainer::id).collect(Collectors.toSet());
        return retrieval.candidates().stream().map(candidate -> {
            String id = candidate.snippet().id();
            Evidence evidence = weighed.get(id);
            return new Explanation.CandidateDecision(id, candidate.snippet().title(), candidate.rank(),
                    denseRanks.get(id), lexicalRanks.get(id), rounded(bm25.get(id)), rounded(candidate.cosine()),
                    evidence == null ? null : rounded(evidence.closest()),
                    evidence == null ? null : rounded(evidence.coverage()),
                    evidence == null ? null : rounded(evidence.score()), supporting.contains(id), cited.contains(id));
        }).toList();
    }

    private Explanation.Thresholds thresholds() {
        return new Explanation.Thresholds(answerConfig.minSimilarity(), answerConfig.strongSimilarity(),
                answerConfig.minCoverage(), answerConfig.unknownNameSimilarity(), answerConfig.clearLeadSimilarity(),
                answerConfig.clearLeadMargin());
    }

    private static List<String> unknownNames(QuestionProfile profile, LexicalIndex lexical) {
        return profile.names().stream()
                .filter(stems -> stems.stream().allMatch(stem -> lexical.docFreq(stem) == 0))
                .map(stems -> String.join(" ", stems))
                .distinct()
                .toList();
    }

    private static String kind(ReadQuestion read) {
        if (read instanceof ReadQuestion.SmallTalkMessage) {
            return "small_talk";
        }
        if (read instanceof ReadQuestion.FollowUp) {
            return "follow_up";
        }
        return read instanceof ReadQuestion.More ? "more" : "standalone";
    }

    private static Map<String, Integer> ranks(List<String> ids) {
        Map<String, Integer> ranks = new HashMap<>();
        for (String id : ids) {
            ranks.putIfAbsent(id, ranks.size());
        }
        return ranks;
    }

    /** Four decimals tell the scores apart and compare with the thresholds; more is noise. */
    private static Double rounded(Double value) {
        return value == null ? null : Math.round(value * SCALE) / SCALE;
    }

    private static String id(Evidence evidence) {
        return evidence.candidate().snippet().id();
    }
}
