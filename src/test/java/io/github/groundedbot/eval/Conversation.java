package io.github.groundedbot.eval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.stream.IntStream;

/** A multi-turn evaluation case: each turn is asked in the same conversation, in order. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Conversation(String id, List<EvalCase> turns) {

    /** The turns, each with an id naming its conversation and its place in it ("m01.2"). */
    public List<EvalCase> numberedTurns() {
        return IntStream.range(0, turns.size()).mapToObj(i -> turns.get(i).withId(id + "." + (i + 1))).toList();
    }
}
