package io.github.groundedbot.answer;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The reply every channel sends.
 *
 * @param answer           the text; markers like {@code [1]} are 1-based indexes into {@code citations}
 * @param grounded         true when every sentence comes from a cited snippet; false for refusals and small talk
 * @param citations        the snippets the answer quotes, in marker order
 * @param conversationId   the conversation this answer belongs to
 * @param resolvedQuestion for a follow-up, how the bot read it ("Who released it? (Yi-34B)"); absent otherwise
 */
public record Answer(String answer, boolean grounded, List<Citation> citations, String conversationId,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String resolvedQuestion) {

    public Answer(String answer, boolean grounded, List<Citation> citations, String conversationId) {
        this(answer, grounded, citations, conversationId, null);
    }
}
