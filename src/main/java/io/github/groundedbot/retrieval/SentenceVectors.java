package io.github.groundedbot.retrieval;

import dev.langchain4j.data.embedding.Embedding;

import java.util.Map;

/**
 * The embeddings of each snippet's title, of each of its sentences (split as
 * {@code language.Sentences} splits them) and of its alternate questions, so grounding can tell which sentence answers a
 * question, not only which snippet is about its topic. Unit vectors, read-only once built.
 */
public final class SentenceVectors {

    private final Map<String, float[][]> bySnippet;

    /** @param bySnippet per snippet id: the title's unit vector first, then one per sentence, then one per alternate question */
    SentenceVectors(Map<String, float[][]> bySnippet) {
        this.bySnippet = Map.copyOf(bySnippet);
    }

    /**
     * Cosines of the question with the snippet's title (index 0), its sentences (1..n) and then its
     * alternate questions; empty
     * for an unknown snippet.
     */
    public double[] cosines(Embedding question, String snippetId) {
        float[][] vectors = bySnippet.get(snippetId);
        if (vectors == null) {
            return new double[0];
        }
        float[] q = Vectors.unit(question.vector());
        double[] cosines = new double[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            cosines[i] = Vectors.dot(q, vectors[i]);
        }
        return cosines;
    }

    /** The unit vectors of a snippet's title and sentences, for calibration. */
    float[][] of(String snippetId) {
        return bySnippet.getOrDefault(snippetId, new float[0][]);
    }
}
