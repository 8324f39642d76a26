package io.github.groundedbot.grounding;

import io.github.groundedbot.retrieval.Candidate;

/**
 * How well one retrieved snippet supports an answer to the question.
 *
 * @param coverage share of the question's terms the snippet contains, weighted by IDF (0..1)
 * @param score    ranking of supporting snippets: semantic similarity blended with coverage
 */
public record Evidence(Candidate candidate, double coverage, double score) {
}
