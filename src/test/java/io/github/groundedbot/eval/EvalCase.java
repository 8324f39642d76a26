package io.github.groundedbot.eval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** One line of an evaluation file, in the format of {@code ../shared/eval/README.md}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EvalCase(String id, String q, List<String> any, List<String> all, boolean abstain) {

    /** The same question under another id, e.g. a conversation's turn numbered within it. */
    public EvalCase withId(String newId) {
        return new EvalCase(newId, q, any, all, abstain);
    }
}
