package io.github.groundedbot.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.groundedbot.answer.Answer;
import io.github.groundedbot.answer.Citation;
import io.github.groundedbot.answer.Outcome;

import java.util.List;

/**
 * The whole answer, the last frame of a streamed answer: a WebSocket {@code answer} frame, or the
 * data of the {@code answer} event of {@code POST /api/ask} as a server-sent event stream.
 */
public record AnswerFrame(String type, String answer, boolean grounded, Outcome outcome, List<Citation> citations,
                          String conversationId,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String resolvedQuestion) {

    public static final String TYPE = "answer";

    public static AnswerFrame of(Answer answer) {
        return new AnswerFrame(TYPE, answer.answer(), answer.grounded(), answer.outcome(), answer.citations(),
                answer.conversationId(), answer.resolvedQuestion());
    }
}
