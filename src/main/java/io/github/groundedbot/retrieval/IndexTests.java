package io.github.groundedbot.retrieval;

import io.github.groundedbot.knowledge.KnowledgeTestReport;

/**
 * The curators' knowledge tests, run on every freshly built index before it serves. Implemented
 * beside the answer pipeline, which the tests ask their questions through.
 */
public interface IndexTests {

    /** Runs the tests kept with the fact base against {@code index}, which need not be serving. */
    KnowledgeTestReport run(KnowledgeIndex index);
}
