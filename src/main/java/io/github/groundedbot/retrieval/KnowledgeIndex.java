package io.github.groundedbot.retrieval;

import io.github.groundedbot.knowledge.FactBase;

import java.time.Instant;

/**
 * Everything built from one version of the fact base. Immutable, so a reload can build a new
 * one aside and swap it in while questions keep being answered from the old one.
 */
public record KnowledgeIndex(FactBase facts, SnippetVectors vectors, SentenceVectors sentences, LexicalIndex lexical,
                             Calibration calibration, Instant builtAt) {
}
