package io.github.groundedbot.knowledge;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * The knowledge tests of one load of the fact base.
 *
 * @param ranAt    when they ran
 * @param results  one per test, in file and line order
 * @param problems tests that could not be read, each with its file and line, like the loader's problems
 */
public record KnowledgeTestReport(Instant ranAt, List<KnowledgeTestResult> results, List<String> problems) {

    public KnowledgeTestReport {
        results = List.copyOf(results);
        problems = List.copyOf(problems);
    }

    /** True when every test was readable and passed (also when there are none). */
    @JsonProperty("passed")
    public boolean passed() {
        return problems.isEmpty() && results.stream().allMatch(KnowledgeTestResult::passed);
    }

    /** Unreadable tests, then failed ones, each as one line starting with its file and line. */
    public List<String> failures() {
        return Stream.concat(problems.stream(),
                results.stream().filter(result -> !result.passed()).map(KnowledgeTestResult::problem)).toList();
    }
}
