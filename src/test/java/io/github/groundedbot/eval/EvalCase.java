package io.github.groundedbot.eval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** One line of an evaluation file, in the format of {@code ../shared/eval/README.md}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EvalCase(String id, String q, List<String> any, List<String> all, boolean abstain) {
}
