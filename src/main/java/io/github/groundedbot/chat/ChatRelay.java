package io.github.groundedbot.chat;

import io.github.groundedbot.answer.Answer;
import io.github.groundedbot.answer.AnswerService;
import io.github.groundedbot.answer.InvalidQuestionException;
import io.github.groundedbot.answer.Outcome;
import io.github.groundedbot.answer.Question;
import io.github.groundedbot.concurrent.DaemonThreads;
import io.github.groundedbot.limits.Admission;
import io.github.groundedbot.limits.ClientKey;
import io.github.groundedbot.limits.Decision;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Answers chat-platform questions off the request thread. Platforms such as Slack want an
 * acknowledgement within seconds and the answer later, so the endpoint acknowledges and submits
 * here; platforms that want the reply in their HTTP response wait for it with {@link #answerWithin}.
 * A bounded pool and queue keep a burst of questions from exhausting memory or threads.
 * Questions pass the same {@link Admission} as REST and WebSocket: a person over their rate, or a
 * question that finds the bot overloaded, gets a reply saying so ({@link Outcome#ERROR}).
 */
@ApplicationScoped
public class ChatRelay {

    private static final Logger LOG = Logger.getLogger(ChatRelay.class);
    static final String FAILURE_TEXT = "Something went wrong answering that; please try again.";
    /** Said when the queue is full. */
    public static final String BUSY_TEXT = "I'm answering a lot of questions right now; please try again in a minute.";
    static final String TOO_SLOW_TEXT = "That took me longer than this chat allows for a reply; please ask again in a moment.";

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
                new ArrayBlockingQueue<>(config.queueSize()), DaemonThreads.factory("chat-relay"),
                new ThreadPoolExecutor.AbortPolicy());
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

    /**
     * Answers on a relay worker and waits at most {@code timeout}: for platforms that take the reply
     * in their HTTP response (Teams' outgoing webhook, Mattermost's). The pool bounds the work as for
     * {@link #submit}; the calling thread only waits.
     *
     * @param channel names the platform, as {@link ChatChannel#name()} does
     * @param client whom the question counts against, e.g. the platform's user
     * @return the answer; an {@link Outcome#ERROR} saying so when the client is over its rate, the queue
     *     is full or the time runs out
     */
    public Answer answerWithin(String channel, ClientKey client, String question, String conversationId,
                               Duration timeout) {
        if (admission.admit(client) instanceof Decision.Refusal refusal) {
            return Answer.of(Outcome.ERROR, refusal.message(), conversationId);
        }
        Future<Answer> answer;
        try {
            answer = workers.submit(() -> answer(channel, question, conversationId));
        } catch (RejectedExecutionException e) {
            LOG.warnf("%s: the relay queue is full, turning away a question for %s", channel, conversationId);
            return Answer.of(Outcome.ERROR, BUSY_TEXT, conversationId);
        }
        try {
            return answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true); // frees the worker (or its place in the queue) for a question that can still be answered
            LOG.warnf("%s: no answer within %d ms for %s", channel, timeout.toMillis(), conversationId);
            return Answer.of(Outcome.ERROR, TOO_SLOW_TEXT, conversationId);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            return Answer.of(Outcome.ERROR, FAILURE_TEXT, conversationId);
        } catch (ExecutionException e) { // answer(...) catches what answering throws, so this is not expected
            LOG.errorf(e.getCause(), "%s: answering failed for %s", channel, conversationId);
            return Answer.of(Outcome.ERROR, FAILURE_TEXT, conversationId);
        }
    }

    private Answer answer(String channel, String question, String conversationId) {
        try {
            return admission.answer(() -> answers.ask(channel, question, conversationId));
        } catch (Admission.BusyException e) {
            return Answer.of(Outcome.ERROR, e.decision().message(), conversationId);
        } catch (InvalidQuestionException e) {
            return Answer.of(Outcome.ERROR, e.getMessage(), conversationId);
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) { // answerWithin gave up waiting: nobody reads this answer
                LOG.debugf("%s: answering stopped for %s: %s", channel, conversationId, e);
            } else {
                LOG.errorf(e, "%s: answering failed for %s", channel, conversationId);
            }
            return Answer.of(Outcome.ERROR, FAILURE_TEXT, conversationId);
        }
    }

    private <D> void answerAndDeliver(ChatChannel<D> channel, D destination, String question, String conversationId) {
        deliver(channel, destination, answer(channel.name(), question, conversationId));
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
}
