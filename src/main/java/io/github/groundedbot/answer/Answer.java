package io.github.groundedbot.answer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The reply every channel sends.
 *
 * @param answer           the text; markers like {@code [1]} are 1-based indexes into {@code citations}
 * @param outcome          what became of the question: answered, refused, small talk, nothing more, error
 * @param citations        the snippets the answer quotes, in marker order; empty unless answered
 * @param conversationId   the conversation this answer belongs to
 * @param resolvedQuestion for a follow-up, how the bot read it ("Who released it? (Yi-34B)"); absent otherwise
 */
@JsonIgnoreProperties(value = "grounded", allowGetters = true)
public record Answer(String answer, Outcome outcome, List<Citation> citations, String conversationId,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String resolvedQuestion) {

    public Answer {
        citations = List.copyOf(citations);
    }

    /** A reply with no citations and no reading to show: small talk, an error, a refusal. */
    public static Answer of(Outcome outcome, String text, String conversationId) {
        return new Answer(text, outcome, List.of(), conversationId, null);
    }

    /** True exactly when the answer comes from the fact base, with citations. */
    @JsonProperty("grounded")
    public boolean grounded() {
        return outcome == Outcome.ANSWERED;
    }
}
