package io.github.groundedbot.retrieval;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.groundedbot.knowledge.KnowledgeTestReport;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the fact base now serving is, and whether the files on disk have a problem it does not.
 *
 * @param files          the fact files of the serving index, relative to {@code knowledge.dir}
 * @param snippets       snippets in the serving index
 * @param snippetsByFile snippets in the serving index per fact file, in file order
 * @param calibration    how close unrelated snippets of the serving index get to each other, measured at load
 * @param loadedAt       when the serving index was built
 * @param lastAttempt    when a load was last tried (startup, a file change or a forced reload)
 * @param lastError      the problems of the last load if it failed and nothing has loaded since; absent when sound
 * @param tests          the knowledge tests of the last load that got as far as running them: the serving
 *                       index's, or those of a newer fact base they kept from serving
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KnowledgeStatus(List<String> files, int snippets, Map<String, Integer> snippetsByFile,
                              Calibration calibration, Instant loadedAt, Instant lastAttempt, LoadError lastError,
                              KnowledgeTestReport tests) {

    /** @param problems each with its file and line, e.g. {@code topics.md:12: duplicate snippet id ...} */
    public record LoadError(Instant at, List<String> problems) {
    }
}
