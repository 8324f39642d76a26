package io.github.groundedbot.eval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** A multi-turn evaluation case: each turn is asked in the same conversation, in order. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Conversation(String id, List<EvalCase> turns) {
}
