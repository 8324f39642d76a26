package io.github.groundedbot.answer;

import java.util.List;

/**
 * How the answer pipeline decided on one question, stage by stage, for curators.
 *
 * @param question   the question as checked (invisible characters removed)
 * @param reading    how it was read
 * @param candidates what hybrid retrieval found, best first, with how grounding weighed each
 * @param thresholds the grounding settings the candidates were weighed against
 * @param chosen     the sentences the composer chose, with their citation markers; empty unless answered
 * @param answer     the reply a person would get, with its outcome
 */
public record Explanation(String question, Reading reading, List<CandidateDecision> candidates,
                          Thresholds thresholds, List<String> chosen, Answer answer) {

    public Explanation {
        candidates = List.copyOf(candidates);
        chosen = List.copyOf(chosen);
    }

    /**
     * @param kind         {@code small_talk}, {@code standalone}, {@code follow_up} or {@code more}
     * @param searched     the text searched, carried subjects included; null for small talk
     * @param carried      subjects carried over from earlier turns
     * @param expectation  the kind of answer the wording asks for: {@code time}, {@code quantity},
     *                     {@code reason}, {@code purpose} or {@code any}; null for small talk
     * @param terms        the question's stemmed content terms
     * @param unknownNames names in the question that no snippet uses (stemmed): grounding refuses such a
     *                     question unless a snippet is at least {@code answer.unknown-name-similarity} close
     */
    public record Reading(String kind, String searched, List<String> carried, String expectation, List<String> terms,
                          List<String> unknownNames) {
    }

    /**
     * One retrieved snippet and what grounding made of it.
     *
     * @param id          the snippet id
     * @param title       its heading
     * @param rank        0-based rank after fusing dense and BM25 retrieval
     * @param denseRank   0-based rank by embedding similarity; null when outside the dense retriever's list
     * @param lexicalRank 0-based rank by BM25; null when outside the BM25 retriever's list
     * @param bm25        the BM25 score; null when outside the BM25 retriever's list
     * @param cosine      cosine similarity of question and snippet
     * @param closest     the highest cosine of the question with the snippet, its title or one of its sentences:
     *                    what grounding compares with the similarity thresholds; null when not weighed
     * @param coverage    IDF-weighted share of the question's terms the snippet holds; null when the snippet was
     *                    not weighed (nothing in it within {@code answer.min-similarity}, or the question was
     *                    refused before)
     * @param score       the ranking of weighed snippets (similarity blended with coverage); null when not weighed
     * @param supporting  whether the snippet supports an answer
     * @param cited       whether the answer cites it
     */
    public record CandidateDecision(String id, String title, int rank, Integer denseRank, Integer lexicalRank,
                                    Double bm25, double cosine, Double closest, Double coverage, Double score,
                                    boolean supporting, boolean cited) {
    }

    /** The {@code answer.*} settings grounding weighs candidates against. */
    public record Thresholds(double minSimilarity, double strongSimilarity, double minCoverage,
                             double unknownNameSimilarity, double clearLeadSimilarity, double clearLeadMargin) {
    }
}
