package io.github.groundedbot.answer;

import java.util.List;

/**
 * The reply every channel sends.
 *
 * @param answer         the text; markers like {@code [1]} are 1-based indexes into {@code citations}
 * @param grounded       true when every sentence comes from a cited snippet; false for refusals and small talk
 * @param citations      the snippets the answer quotes, in marker order
 * @param conversationId the conversation this answer belongs to
 */
public record Answer(String answer, boolean grounded, List<Citation> citations, String conversationId) {
}
