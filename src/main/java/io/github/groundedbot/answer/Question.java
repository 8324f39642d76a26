package io.github.groundedbot.answer;

/**
 * A question as a channel hands it to {@link AnswerService}.
 *
 * @param channel        names the caller in metrics and scopes its conversations ("rest", "websocket", "slack", ...):
 *                       an id of one channel never reaches a conversation of another
 * @param text           the question as typed
 * @param conversationId the conversation it belongs to; may be null for a client's first question
 * @param clientHeldId   true when the id comes back from a client (REST): it must then be one the server issued
 *                       and still remembers, else a fresh conversation gets a new id. False when the channel
 *                       derives the id itself (a socket connection, a Slack thread): it is used as it is.
 */
public record Question(String channel, String text, String conversationId, boolean clientHeldId) {

    /** A question whose conversation id, if any, was sent back by a client. */
    public static Question fromClient(String channel, String text, String conversationId) {
        return new Question(channel, text, conversationId, true);
    }

    /** A question in a conversation the channel itself identifies (a connection, a thread). */
    public static Question inConversation(String channel, String text, String conversationId) {
        return new Question(channel, text, conversationId, false);
    }
}
