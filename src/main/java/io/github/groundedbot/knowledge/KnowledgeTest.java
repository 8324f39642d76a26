package io.github.groundedbot.knowledge;

/**
 * A question curators expect the fact base to answer in a certain way, kept beside the facts in a
 * {@code *.tests.jsonl} file (see {@link KnowledgeTestLoader}).
 *
 * @param location the file and line the test is written on
 * @param question the question, asked as the first of a conversation
 * @param cites    the id of a snippet the answer must cite; null when any will do
 * @param says     a phrase the answer must contain (case and spacing aside); null when any will do
 * @param refuse   true when the question must not be answered from the facts
 */
public record KnowledgeTest(Snippet.Location location, String question, String cites, String says, boolean refuse) {

    /** What the test expects, in a few words: "refuses", "cites a#b", "says \"x\"". */
    public String expected() {
        if (refuse) {
            return "refuses";
        }
        if (cites != null && says != null) {
            return "cites " + cites + " and says \"" + says + "\"";
        }
        return cites != null ? "cites " + cites : "says \"" + says + "\"";
    }
}
