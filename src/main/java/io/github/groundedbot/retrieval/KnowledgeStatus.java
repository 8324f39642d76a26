package io.github.groundedbot.retrieval;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * What the fact base now serving is, and whether the files on disk have a problem it does not.
 *
 * @param files       the fact files of the serving index, relative to {@code knowledge.dir}
 * @param snippets    snippets in the serving index
 * @param loadedAt    when the serving index was built
 * @param lastAttempt when a load was last tried (startup, a file change or a forced reload)
 * @param lastError   the problems of the last load if it failed and nothing has loaded since; absent when sound
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KnowledgeStatus(List<String> files, int snippets, Instant loadedAt, Instant lastAttempt,
                              LoadError lastError) {

    /** @param problems each with its file and line, e.g. {@code topics.md:12: duplicate snippet id ...} */
    public record LoadError(Instant at, List<String> problems) {
    }
}
