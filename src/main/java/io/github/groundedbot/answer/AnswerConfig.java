package io.github.groundedbot.answer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When the facts count as answering a question, and how long answers are. */
@ConfigMapping(prefix = "answer")
public interface AnswerConfig {

    /** Below this cosine similarity (question vs. snippet) a snippet never supports an answer. */
    @WithDefault("0.45")
    double minSimilarity();

    /**
     * From {@code min-similarity} up, a snippet supports an answer only if it also covers at
     * least this share of the question's terms (weighted by rarity, IDF). Semantic closeness
     * alone would let "Who founded X?" be answered by any fact that mentions X.
     */
    @WithDefault("0.5")
    double minCoverage();

    /**
     * At or above this cosine similarity (of the question with the snippet or one of its sentences;
     * a close title only says the snippet is on the topic) a snippet supports an answer whatever the
     * word overlap (paraphrases), unless words the fact base never uses carry much of the question
     * ({@code max-unknown-share}).
     */
    @WithDefault("0.65")
    double strongSimilarity();

    /**
     * A question naming something the fact base never mentions (a capitalised name, an acronym,
     * a model number, a lower-case identifier) is refused unless a snippet is at least this similar;
     * a question whose ask is mostly words the base never uses needs this much to be supported on
     * closeness alone.
     */
    @WithDefault("0.8")
    double unknownNameSimilarity();

    /**
     * How supporting snippets are ranked: this share of the score is the cosine similarity of the
     * question and the whole snippet; {@code part-weight} goes to its closest title or sentence,
     * {@code title-weight} to the share of the question's terms its title holds, and the rest to the
     * IDF-weighted share of the question's terms the snippet contains.
     */
    @WithDefault("0.3")
    double snippetWeight();

    /** The share of a snippet's ranking score that is the question's cosine with its closest title or sentence. */
    @WithDefault("0.35")
    double partWeight();

    /**
     * The share of a snippet's ranking score that is the IDF-weighted share of the question's terms
     * in its title: a heading that names what is asked marks the snippet most specifically about it,
     * where a sentence elsewhere only shares a word or the topic.
     */
    @WithDefault("0.15")
    double titleWeight();

    /**
     * In a follow-up that asks something of its own ("did that stop China?"), the subjects carried
     * from the last turn pull every closeness towards the last answer: this share of the ranking goes
     * to the question's own terms instead, and closeness shares the rest in the usual proportion.
     */
    @WithDefault("0.4")
    double followUpOwnWeight();

    /** A sentence from a second snippet joins the answer only if that snippet scores within this of the first. */
    @WithDefault("0.08")
    double secondSnippetMargin();

    /**
     * A snippet supports an answer only if it ranks within this of the snippet most about the question:
     * when the facts most about it do not answer, one further down that shares a few words answers
     * something else.
     */
    @WithDefault("0.08")
    double supportMargin();

    /**
     * A snippet this close to the question (the whole snippet or one of its sentences) supports an answer
     * on closeness alone when it also leads every other snippet by {@code clear-lead-margin}: a paraphrase in
     * everyday words shares few terms with the fact, but one fact stands out as the one it is about. A
     * snippet that is the only one close enough to count (at least {@code min-similarity}) leads clearly.
     */
    @WithDefault("0.6")
    double clearLeadSimilarity();

    /** How far the snippet most about the question must rank above the next for {@code clear-lead-similarity}. */
    @WithDefault("0.08")
    double clearLeadMargin();

    /**
     * A name the question uses that the facts use in at most this share of their snippets ("User-Agent"
     * in a base about one tool) is what it is about: only a snippet that has it supports an answer. A name
     * in more (the base's own subject) may go unsaid.
     */
    @WithDefault("0.25")
    double specificNameShare();

    /** Longest extractive answer, in characters; sentences that would go past it are left out. */
    @WithDefault("600")
    int maxAnswerLength();

    /**
     * When words no snippet uses carry at least this share of a question's own weight (IDF), the
     * question's specific ask is off the facts: closeness of topic alone does not support an answer.
     */
    @WithDefault("0.5")
    double maxUnknownShare();

    /** Most sentences in one answer. */
    @WithDefault("3")
    int maxSentences();

    /** Longest question accepted, in characters. */
    @WithDefault("1000")
    int maxQuestionLength();
}
