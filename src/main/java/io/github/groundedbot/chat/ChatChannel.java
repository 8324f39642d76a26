package io.github.groundedbot.chat;

import io.github.groundedbot.answer.Answer;

/**
 * The seam between the answer service and a chat platform (Slack now; Teams, Discord or Mattermost
 * next). A new platform is one implementation of this interface plus the endpoint that receives its
 * messages and hands each question to {@link ChatRelay#submit}; nothing in the core changes.
 *
 * @param <D> where a reply goes on this platform (a thread, a callback URL, ...)
 */
public interface ChatChannel<D> {

    /** Short name for logs, e.g. {@code "slack"}. */
    String name();

    /**
     * Sends the answer to where the question was asked. Runs on one of the few relay workers that
     * answer every platform's questions, so it should start the delivery and return: retries, and
     * the waits between them, belong off that thread. It logs what it finally could not send rather
     * than throwing.
     */
    void deliver(D destination, Answer answer);
}
