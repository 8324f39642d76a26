package io.github.groundedbot.chat;

import io.github.groundedbot.answer.Answer;
import io.github.groundedbot.answer.AnswerService;
import io.github.groundedbot.answer.InvalidQuestionException;
import io.github.groundedbot.answer.Outcome;
import io.github.groundedbot.answer.Question;
import io.github.groundedbot.concurrent.DaemonThreads;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Answers chat-platform questions off the request thread. Platforms such as Slack want an
 * acknowledgement within seconds and the answer later, so the endpoint acknowledges and submits
 * here; a bounded pool and queue keep a burst of questions from exhausting memory or threads.
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
    private final ThreadPoolExecutor workers;

    @Inject
    public ChatRelay(AnswerService answers, ChatRelayConfig config) {
        this((channel, question, conversationId) -> answers.ask(Question.inConversation(channel, question, conversationId)),
                config);
    }

    ChatRelay(Answers answers, ChatRelayConfig config) {
        this.answers = answers;
        this.workers = new ThreadPoolExecutor(config.workers(), config.workers(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(config.queueSize()), DaemonThreads.factory("chat-relay"),
                new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Queues the question; the answer (or the reason it cannot be answered) goes to {@code destination}
     * through {@code channel}.
     *
     * @return false when the queue is full and nothing was queued: tell the platform to retry later
     */
    public <D> boolean submit(ChatChannel<D> channel, D destination, String question, String conversationId) {
        try {
            workers.execute(() -> answerAndDeliver(channel, destination, question, conversationId));
            return true;
        } catch (RejectedExecutionException e) {
            LOG.warnf("%s: the relay queue is full, dropping a question for %s", channel.name(), conversationId);
            return false;
        }
    }

    private <D> void answerAndDeliver(ChatChannel<D> channel, D destination, String question, String conversationId) {
        Answer answer;
        try {
            answer = answers.ask(channel.name(), question, conversationId);
        } catch (InvalidQuestionException e) {
            answer = Answer.of(Outcome.ERROR, e.getMessage(), conversationId);
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s: answering failed for %s", channel.name(), conversationId);
            answer = Answer.of(Outcome.ERROR, FAILURE_TEXT, conversationId);
        }
        try {
            channel.deliver(destination, answer);
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s: delivering the answer failed for %s", channel.name(), conversationId);
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
}
