package io.github.groundedbot.answer;

import io.github.groundedbot.compose.AnswerComposer;
import io.github.groundedbot.compose.Composition;
import io.github.groundedbot.compose.Deltas;
import io.github.groundedbot.compose.Draft;
import io.github.groundedbot.conversation.Conversation;
import io.github.groundedbot.conversation.ConversationConfig;
import io.github.groundedbot.conversation.ConversationIds;
import io.github.groundedbot.conversation.ConversationStore;
import io.github.groundedbot.conversation.Turn;
import io.github.groundedbot.grounding.Evidence;
import io.github.groundedbot.grounding.Grounding;
import io.github.groundedbot.grounding.GroundingCheck;
import io.github.groundedbot.language.Sentences;
import io.github.groundedbot.question.QuestionReader;
import io.github.groundedbot.question.ReadQuestion;
import io.github.groundedbot.retrieval.HybridRetriever;
import io.github.groundedbot.retrieval.IndexHolder;
import io.github.groundedbot.retrieval.KnowledgeIndex;
import io.github.groundedbot.retrieval.Retrieval;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The one answer service every channel (REST, WebSocket, web page, Slack) calls. A question goes
 * through named stages: it is read ({@link QuestionReader}), searched in one index version
 * ({@link HybridRetriever}), grounded ({@link GroundingCheck}) and composed ({@link AnswerComposer}),
 * or refused. Blocking: it embeds the question, so call it from a worker thread.
 */
@ApplicationScoped
public class AnswerService {

    private final QuestionValidator validator;
    private final QuestionReader reader;
    private final HybridRetriever retriever;
    private final GroundingCheck grounding;
    private final AnswerComposer composer;
    private final IndexHolder index;
    private final ConversationStore conversations;
    private final ConversationConfig conversationConfig;
    private final AnswerMetrics metrics;
    private final Event<Refused> refusals;
    private final Clock clock;

    public AnswerService(QuestionValidator validator, QuestionReader reader, HybridRetriever retriever,
                         GroundingCheck grounding, AnswerComposer composer, IndexHolder index,
                         ConversationStore conversations, ConversationConfig conversationConfig, AnswerMetrics metrics,
                         Event<Refused> refusals, Clock clock) {
        this.validator = validator;
        this.reader = reader;
        this.retriever = retriever;
        this.grounding = grounding;
        this.composer = composer;
        this.index = index;
        this.conversations = conversations;
        this.conversationConfig = conversationConfig;
        this.metrics = metrics;
        this.refusals = refusals;
        this.clock = clock;
    }

    /** Answers for a caller that shows only the final answer. */
    public Answer ask(Question question) {
        return ask(question, Deltas.none());
    }

    /**
     * Answers within a conversation, sending the answer to {@code deltas} sentence by sentence as it forms.
     *
     * @throws InvalidQuestionException when the question (or a client's conversation id) is not acceptable
     */
    public Answer ask(Question question, Deltas deltas) {
        long start = System.nanoTime();
        Answer answer = answer(question, deltas);
        metrics.answered(question.channel(), answer.outcome(), System.nanoTime() - start);
        if (answer.outcome() == Outcome.REFUSED) {
            refusals.fireAsync(new Refused(answer.resolvedQuestion() != null ? answer.resolvedQuestion()
                    : validator.question(question.text())));
        }
        return answer;
    }

    private Answer answer(Question question, Deltas deltas) {
        String text = validator.question(question.text());
        Opened opened = open(question);
        Conversation conversation = opened.conversation();
        String id = opened.id();

        // One index version for the whole answer: its aliases, its search, its topics.
        KnowledgeIndex serving = index.current();
        ReadQuestion read = reader.read(serving.facts().aliases().apply(text), conversation.turns());
        if (read instanceof ReadQuestion.SmallTalkMessage smallTalk) {
            Answer reply = Answer.of(Outcome.SMALL_TALK,
                    Replies.smallTalk(smallTalk.kind(), serving.facts().topics()), id);
            deltas.accept(reply.answer());
            return reply;
        }
        ReadQuestion.Searched searched = (ReadQuestion.Searched) read;
        Retrieval retrieval = retriever.retrieve(searched.profile().text(), searched.profile().terms(), serving);
        Grounding found = grounding.check(searched.profile(), retrieval);
        if (searched instanceof ReadQuestion.More) {
            found = found.unseen(conversation.shown());
        }
        Optional<Draft> draft = composer.compose(new Composition(searched, found, conversation.turns()), deltas);

        String resolved = searched instanceof ReadQuestion.Standalone ? null : searched.resolved();
        Answer answer = draft
                .map(d -> new Answer(d.text(), Outcome.ANSWERED, citations(d), id, resolved))
                .orElseGet(() -> searched instanceof ReadQuestion.More
                        ? new Answer(Replies.NOTHING_MORE, Outcome.NOTHING_MORE, List.of(), id, resolved)
                        : new Answer(Replies.refusal(retrieval.index().facts().topics()), Outcome.REFUSED, List.of(),
                        id, resolved));
        if (draft.isEmpty()) {
            deltas.accept(answer.answer());
        }
        remember(conversation, text, searched, answer);
        return answer;
    }

    /**
     * The conversation a question belongs to. A client's id must be one this server issued and still
     * remembers on the same channel; otherwise (missing, unknown, expired, malformed) a fresh
     * conversation starts under a new id. A channel's own id (a connection, a thread) is used as it is.
     * Conversations are stored under their channel and id together.
     */
    private Opened open(Question question) {
        String given = question.conversationId() == null ? "" : question.conversationId().strip();
        if (question.clientHeldId()) {
            validator.conversationId(given);
        }
        boolean usable = question.clientHeldId() ? ConversationIds.looksIssued(given) : !given.isEmpty();
        if (usable) {
            String key = ConversationIds.key(question.channel(), given);
            Optional<Conversation> known = conversations.find(key);
            if (known.isPresent() || !question.clientHeldId()) {
                return new Opened(given, known.orElseGet(() -> Conversation.start(key, clock.instant())));
            }
        }
        String id = ConversationIds.issue();
        return new Opened(id, Conversation.start(ConversationIds.key(question.channel(), id), clock.instant()));
    }

    /** The conversation as stored (keyed by channel and id) and the id its channel knows it by. */
    private record Opened(String id, Conversation conversation) {
    }

    private void remember(Conversation conversation, String question, ReadQuestion.Searched read, Answer answer) {
        String lead = answer.grounded() ? Sentences.split(answer.answer()).get(0) : "";
        List<String> cited = answer.citations().stream().map(Citation::id).toList();
        Turn turn = new Turn(question, read.query(), read.carried(), lead, cited, answer.grounded());
        conversations.save(conversation.with(turn, conversationConfig.maxTurns(), clock.instant()));
    }

    /** The citations of a draft, in marker order; {@link Explainer} shows the same ones. */
    static List<Citation> citations(Draft draft) {
        return draft.cited().stream().map(AnswerService::citation).toList();
    }

    private static Citation citation(Evidence evidence) {
        var snippet = evidence.candidate().snippet();
        double score = Math.round(evidence.candidate().cosine() * 1000) / 1000.0;
        return new Citation(snippet.id(), snippet.title(), snippet.source().title(), snippet.source().url(),
                snippet.source().published(), snippet.text(), score);
    }
}
