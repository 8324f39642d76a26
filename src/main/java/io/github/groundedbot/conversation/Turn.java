package io.github.groundedbot.conversation;

import java.util.List;

/**
 * One question and answer in a conversation. The names it was about are not stored: they are read
 * from the question and the answer's lead sentence only when a follow-up needs them.
 *
 * @param question   the question as asked
 * @param query      what was searched, without carried subjects ("tell me more" searches it again)
 * @param carried    subjects this turn carried over from earlier ones
 * @param answerLead the first sentence of the answer when it was grounded, else empty
 * @param cited      ids of the snippets shown in the answer, so "tell me more" shows new ones
 */
public record Turn(String question, String query, List<String> carried, String answerLead, List<String> cited,
                   boolean grounded) {
}
