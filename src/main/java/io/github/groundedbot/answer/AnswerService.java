package io.github.groundedbot.answer;

import io.github.groundedbot.retrieval.HybridRetriever;
import io.github.groundedbot.retrieval.IndexHolder;
import io.github.groundedbot.retrieval.Retrieval;
import io.github.groundedbot.retrieval.TextAnalyzer;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The one answer service every channel (REST, WebSocket, web page, Slack) calls.
 * Blocking: it embeds the question, so call it from a worker thread.
 */
@ApplicationScoped
public class AnswerService {

    private final HybridRetriever retriever;
    private final GroundingCheck grounding;
    private final ExtractiveAnswerer answerer;
    private final TextAnalyzer analyzer;
    private final IndexHolder index;
    private final AnswerConfig config;

    public AnswerService(HybridRetriever retriever, GroundingCheck grounding, ExtractiveAnswerer answerer,
                         TextAnalyzer analyzer, IndexHolder index, AnswerConfig config) {
        this.retriever = retriever;
        this.grounding = grounding;
        this.answerer = answerer;
        this.analyzer = analyzer;
        this.index = index;
        this.config = config;
    }

    public Answer ask(String question, String conversationId) {
        String text = validate(question);
        String conversation = conversationId == null || conversationId.isBlank()
                ? UUID.randomUUID().toString() : conversationId;
        List<String> topics = index.current().facts().topics();

        Optional<String> smallTalk = SmallTalk.reply(text, topics);
        if (smallTalk.isPresent()) {
            return new Answer(smallTalk.get(), false, List.of(), conversation);
        }
        String query = SmallTalk.withoutGreeting(text);
        Retrieval retrieval = retriever.retrieve(query);
        QuestionProfile profile = QuestionProfile.of(query, analyzer);
        GroundingCheck.Weights weights = new GroundingCheck.Weights(profile.terms(), retrieval.index().lexical());
        GroundingCheck.Grounding found = grounding.check(profile, retrieval, weights);

        return answerer.compose(profile, found, weights)
                .map(ExtractiveAnswerer::cite)
                .map(composed -> new Answer(composed.text(), true, citations(composed), conversation))
                .orElseGet(() -> refusal(topics, conversation));
    }

    private String validate(String question) {
        if (question == null || question.isBlank()) {
            throw new InvalidQuestionException("The question is empty: send the text of a question.");
        }
        String text = question.strip();
        if (text.length() > config.maxQuestionLength()) {
            throw new InvalidQuestionException("The question is " + text.length() + " characters long; the limit is "
                    + config.maxQuestionLength() + ".");
        }
        return text;
    }

    private static List<Citation> citations(ExtractiveAnswerer.Composed composed) {
        return composed.cited().stream()
                .map(evidence -> {
                    var snippet = evidence.candidate().snippet();
                    double score = Math.round(evidence.candidate().cosine() * 1000) / 1000.0;
                    return new Citation(snippet.id(), snippet.title(), snippet.source().title(), snippet.source().url(),
                            snippet.source().published(), snippet.text(), score);
                })
                .toList();
    }

    static Answer refusal(List<String> topics, String conversationId) {
        return new Answer("I don't know: my fact base has nothing that answers that, and I only answer from it. "
                + "I can answer questions about: " + String.join("; ", topics) + ".", false, List.of(), conversationId);
    }
}
