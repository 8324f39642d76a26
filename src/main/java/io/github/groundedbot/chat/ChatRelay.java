package io.github.groundedbot.chat;

import io.github.groundedbot.answer.Answer;
import io.github.groundedbot.answer.AnswerService;
import io.github.groundedbot.answer.InvalidQuestionException;
import io.github.groundedbot.answer.Outcome;
import io.github.groundedbot.answer.Question;
import io.github.groundedbot.limits.Admission;
import io.github.groundedbot.limits.ClientKey;
import io.github.groundedbot.limits.Decision;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers chat-platform questions off the request thread. Platforms such as Slack want an
 * acknowledgement within seconds and the answer later, so the endpoint acknowledges and submits
 * here; a bounded pool and queue keep a burst of questions from exhausting memory or threads.
 * Questions pass the same {@link Admission} as REST and WebSocket: a person over their rate, or a
 * question that finds the bot overloaded, gets a reply saying so ({@link Outcome#ERROR}).
 */
@ApplicationScoped
public class ChatRelay {

    private static final Logger LOG = Logger.getLogger(ChatRelay.class);
    static final String FAILURE_TEXT = "Something went wrong answering that; please try again.";

    /** Answers a question within a conversation, naming the channel for metrics: {@link AnswerService}. */
    @FunctionalInterface
    interface Answers {
        Answer ask(String channel, String question, String conversationId);
    }

    private final Answers answers;
    private final Admission admission;
    private final ThreadPoolExecutor workers;

    @Inject
    public ChatRelay(AnswerService answers, Admission admission, ChatRelayConfig config) {
        this((channel, question, conversationId) -> answers.ask(Question.inConversation(channel, question, conversationId)),
                admission, config);
    }

    ChatRelay(Answers answers, Admission admission, ChatRelayConfig config) {
        this.answers = answers;
        this.admission = admission;
        this.workers = new ThreadPoolExecutor(config.workers(), config.workers(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(config.queueSize()), threads(), new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Queues the question; the answer (or the reason it cannot be answered, such as {@code client}
     * being over its rate) goes to {@code destination} through {@code channel}.
     *
     * @param client whom the question counts against, e.g. the platform's user
     * @return false when the queue is full and nothing was queued: tell the platform to retry later
     */
    public <D> boolean submit(ChatChannel<D> channel, D destination, ClientKey client, String question,
                              String conversationId) {
        Runnable work = admission.admit(client) instanceof Decision.Refusal refusal
                ? () -> deliver(channel, destination, Answer.of(Outcome.ERROR, refusal.message(), conversationId))
                : () -> answerAndDeliver(channel, destination, question, conversationId);
        try {
            workers.execute(work);
            return true;
        } catch (RejectedExecutionException e) {
            LOG.warnf("%s: the relay queue is full, dropping a question for %s", channel.name(), conversationId);
            return false;
        }
    }

    private <D> void answerAndDeliver(ChatChannel<D> channel, D destination, String question, String conversationId) {
        Answer answer;
        try {
            answer = admission.answer(() -> answers.ask(channel.name(), question, conversationId));
        } catch (Admission.BusyException e) {
            answer = Answer.of(Outcome.ERROR, e.decision().message(), conversationId);
        } catch (InvalidQuestionException e) {
            answer = Answer.of(Outcome.ERROR, e.getMessage(), conversationId);
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s: answering failed for %s", channel.name(), conversationId);
            answer = Answer.of(Outcome.ERROR, FAILURE_TEXT, conversationId);
        }
        deliver(channel, destination, answer);
    }

    private static <D> void deliver(ChatChannel<D> channel, D destination, Answer answer) {
        try {
            channel.deliver(destination, answer);
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s: delivering the answer failed for %s", channel.name(), answer.conversationId());
        }
    }

    int queued() {
        return workers.getQueue().size();
    }

    int active() {
        return workers.getActiveCount();
    }

    @PreDestroy
    void stop() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warnf("Stopping with %d chat questions unanswered", workers.shutdownNow().size());
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory threads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "chat-relay-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
