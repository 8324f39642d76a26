package io.github.groundedbot.conversation;

import java.util.List;

/**
 * One question and answer in a conversation.
 *
 * @param question the question as asked
 * @param query    what was searched, without carried subjects ("tell me more" searches it again)
 * @param carried  subjects this turn carried over from earlier ones
 * @param subjects names the turn was about (from the question and the answer), for follow-ups to carry
 * @param cited    ids of the snippets shown in the answer, so "tell me more" shows new ones
 */
public record Turn(String question, String query, List<String> carried, List<String> subjects, List<String> cited,
                   boolean grounded) {
}
