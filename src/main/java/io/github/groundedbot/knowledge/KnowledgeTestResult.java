package io.github.groundedbot.knowledge;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * How one knowledge test went.
 *
 * @param location the test's file and line, like {@code chips.tests.jsonl:3}
 * @param question the question asked
 * @param expected what the test expects ({@link KnowledgeTest#expected()})
 * @param passed   whether the answer met it
 * @param outcome  what became of the question: {@code answered}, {@code refused}, {@code small_talk}, or
 *                 {@code error} when the question itself was not accepted
 * @param answer   the answer given
 * @param cited    the ids of the snippets the answer cites
 * @param reason   why the test failed; absent when it passed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KnowledgeTestResult(String location, String question, String expected, boolean passed, String outcome,
                                  String answer, List<String> cited, String reason) {

    public KnowledgeTestResult {
        cited = List.copyOf(cited);
    }

    /** The failure as a problem line: {@code file:line: "question" expected …: reason}. */
    public String problem() {
        return location + ": \"" + question + "\" " + expected + ": " + reason;
    }
}
