package io.github.groundedbot.answer;

import io.github.groundedbot.conversation.Conversation;
import io.github.groundedbot.conversation.ConversationConfig;
import io.github.groundedbot.conversation.ConversationStore;
import io.github.groundedbot.conversation.FollowUps;
import io.github.groundedbot.conversation.Turn;
import io.github.groundedbot.retrieval.HybridRetriever;
import io.github.groundedbot.retrieval.IndexHolder;
import io.github.groundedbot.retrieval.Retrieval;
import io.github.groundedbot.retrieval.TextAnalyzer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one answer service every channel (REST, WebSocket, web page, Slack) calls.
 * Blocking: it embeds the question, so call it from a worker thread.
 */
@ApplicationScoped
public class AnswerService {

    private static final String REFUSAL = "I don't know: ";

    private final HybridRetriever retriever;
    private final GroundingCheck grounding;
    private final ExtractiveAnswerer answerer;
    private final TextAnalyzer analyzer;
    private final IndexHolder index;
    private final ConversationStore conversations;
    private final AnswerConfig config;
    private final ConversationConfig conversationConfig;
    private final Clock clock;
    private final MeterRegistry registry;
    /** One latency timer per channel, built once: the builder and its histogram are not free per question. */
    private final java.util.Map<String, Timer> latency = new java.util.concurrent.ConcurrentHashMap<>();
    private final AnswerPhraser phraser;

    /** For callers that show only the final answer: the answer is then not streamed from the LLM. */
    public static final Consumer<String> NO_DELTAS = delta -> { };

    public AnswerService(HybridRetriever retriever, GroundingCheck grounding, ExtractiveAnswerer answerer,
                         TextAnalyzer analyzer, IndexHolder index, ConversationStore conversations,
                         AnswerConfig config, ConversationConfig conversationConfig, Clock clock,
                         MeterRegistry registry, AnswerPhraser phraser) {
        this.registry = registry;
        this.phraser = phraser;
        this.retriever = retriever;
        this.grounding = grounding;
        this.answerer = answerer;
        this.analyzer = analyzer;
        this.index = index;
        this.conversations = conversations;
        this.config = config;
        this.conversationConfig = conversationConfig;
        this.clock = clock;
    }

    public Answer ask(String question, String conversationId) {
        return ask("api", question, conversationId, NO_DELTAS);
    }

    public Answer ask(String question, String conversationId, Consumer<String> deltas) {
        return ask("api", question, conversationId, deltas);
    }

    /**
     * Answers within a conversation. An unknown or expired {@code conversationId} starts a fresh
     * conversation under that id; a missing one gets a new id.
     *
     * @param channel names the caller in metrics ("rest", "websocket", "slack", ...)
     * @param deltas  receives the answer sentence by sentence before it is returned, for streaming;
     *                {@link #NO_DELTAS} when the caller only shows the final answer
     */
    public Answer ask(String channel, String question, String conversationId, Consumer<String> deltas) {
        long start = System.nanoTime();
        Answer answer = answer(question, conversationId, deltas);
        String outcome = answer.grounded() ? "answered" : isRefusal(answer) ? "refused" : "other";
        registry.counter("bot.questions", "channel", channel, "outcome", outcome).increment();
        latency.computeIfAbsent(channel, c -> Timer.builder("bot.answer.latency")
                        .description("Time to answer a question, embedding included")
                        .tag("channel", c).publishPercentileHistogram().register(registry))
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return answer;
    }

    private Answer answer(String question, String conversationId, Consumer<String> deltas) {
        String text = validate(question);
        String id = conversationId == null || conversationId.isBlank() ? UUID.randomUUID().toString()
                : conversationId.strip();
        Conversation conversation = conversations.find(id).orElseGet(() -> Conversation.start(id, clock.instant()));
        List<String> topics = index.current().facts().topics();

        Optional<String> smallTalk = SmallTalk.reply(text, topics);
        if (smallTalk.isPresent()) {
            deltas.accept(smallTalk.get());
            return new Answer(smallTalk.get(), false, List.of(), id);
        }
        FollowUps.Reading reading = FollowUps.read(SmallTalk.withoutGreeting(text), conversation.last());
        if (reading.kind() == FollowUps.Reading.Kind.FOLLOW_UP) {
            FollowUps.Reading ruleBased = reading;
            // The LLM's standalone question replaces the rule-based reading only when it is usable.
            reading = phraser.rewrite(ruleBased.query(), conversation.turns())
                    .map(standalone -> new FollowUps.Reading(FollowUps.Reading.Kind.FOLLOW_UP, standalone, List.of()))
                    .orElse(ruleBased);
        }
        QuestionProfile profile = QuestionProfile.of(reading.query(), reading.subjects(), analyzer);
        Retrieval retrieval = retriever.retrieve(profile.text());
        GroundingCheck.Weights weights = new GroundingCheck.Weights(profile, retrieval.index().lexical());
        GroundingCheck.Grounding found = grounding.check(profile, retrieval, weights);

        Optional<ExtractiveAnswerer.Composed> composed;
        if (reading.kind() == FollowUps.Reading.Kind.MORE) {
            found = unseen(found, conversation.shown());
            composed = answerer.compose(profile.anyAnswer(), found, weights).map(ExtractiveAnswerer::cite);
        } else {
            composed = answerer.compose(profile, found, weights).map(ExtractiveAnswerer::cite);
        }
        String resolved = reading.kind() == FollowUps.Reading.Kind.STANDALONE ? null : reading.resolved();
        boolean more = reading.kind() == FollowUps.Reading.Kind.MORE;

        // The phraser is asked only once the facts answer: refusals stay with the checks above.
        Optional<ExtractiveAnswerer.Composed> phrased = composed.isPresent() && phraser.enabled()
                ? phraser.phrase(new AnswerPhraser.Request(reading.resolved(), snippets(composed.get(), found),
                conversation.turns(), deltas != NO_DELTAS), deltas)
                : Optional.empty();
        Answer answer = phrased.or(() -> composed)
                .map(c -> new Answer(c.text(), true, citations(c), id, resolved))
                .orElseGet(() -> more
                        ? new Answer("I have nothing more on that in my fact base.", false, List.of(), id, resolved)
                        : refusal(topics, id, resolved));
        if (phrased.isEmpty()) { // a phrased answer has been streamed already
            composed.ifPresentOrElse(c -> stream(c.sentences(), deltas), () -> deltas.accept(answer.answer()));
        }
        remember(conversation, text, reading, answer);
        return answer;
    }

    /** What the phraser may use: the snippets the extractive answer quotes, then the other supporting ones. */
    private static List<Evidence> snippets(ExtractiveAnswerer.Composed composed, GroundingCheck.Grounding found) {
        java.util.LinkedHashSet<Evidence> snippets = new java.util.LinkedHashSet<>(composed.cited());
        snippets.addAll(found.supporting());
        return List.copyOf(snippets);
    }

    private void remember(Conversation conversation, String question, FollowUps.Reading reading, Answer answer) {
        String lead = answer.grounded() ? Sentences.split(answer.answer()).get(0) : "";
        List<String> subjects = FollowUps.subjectsOf(question, reading.subjects(), lead);
        List<String> cited = answer.citations().stream().map(Citation::id).toList();
        Turn turn = new Turn(question, reading.query(), reading.subjects(), subjects, cited, answer.grounded());
        conversations.save(conversation.with(turn, conversationConfig.maxTurns(), clock.instant()));
    }

    /** Deltas concatenate to the answer text: every sentence after the first brings its space. */
    private static void stream(List<String> sentences, Consumer<String> deltas) {
        for (int i = 0; i < sentences.size(); i++) {
            deltas.accept(i == 0 ? sentences.get(i) : " " + sentences.get(i));
        }
    }

    /** "Tell me more": the related facts this conversation has not shown yet. */
    private static GroundingCheck.Grounding unseen(GroundingCheck.Grounding found, Set<String> shown) {
        List<Evidence> fresh = found.related().stream()
                .filter(e -> !shown.contains(e.candidate().snippet().id()))
                .toList();
        return new GroundingCheck.Grounding(fresh, fresh);
    }

    private String validate(String question) {
        if (question == null || question.isBlank()) {
            throw new InvalidQuestionException("The question is empty: send the text of a question.");
        }
        // Control and format characters (NUL, bidi overrides, zero-width joiners, lone surrogates) carry no
        // meaning here and would reach logs and the model as is; a question left without a word is empty.
        String text = INVISIBLE.matcher(question).replaceAll(" ").strip();
        if (!WORD_CHARACTER.matcher(text).find()) {
            throw new InvalidQuestionException("The question has no words: send the text of a question.");
        }
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

    private static boolean isRefusal(Answer answer) {
        return answer.citations().isEmpty() && answer.answer().startsWith(REFUSAL);
    }
    private static final java.util.regex.Pattern INVISIBLE =
            java.util.regex.Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Cs}\\p{Zl}\\p{Zp}\\p{Zs}]+");
    private static final java.util.regex.Pattern WORD_CHARACTER = java.util.regex.Pattern.compile("[\\p{L}\\p{N}]");

    static Answer refusal(List<String> topics, String conversationId, String resolved) {
        return new Answer(REFUSAL + "my fact base has nothing that answers that, and I only answer from it. "
                + "I can answer questions about: " + String.join("; ", topics) + ".", false, List.of(), conversationId,
                resolved);
    }
}
