package io.github.groundedbot.answer;

/**
 * A question the fact base could not answer, fired (asynchronously) for the curators' log of
 * unanswered questions. It carries the question's text and nothing that identifies who asked.
 *
 * @param question the question as the bot read it; a follow-up with the subjects it carried
 */
public record Refused(String question) {
}
