package io.github.groundedbot.compose;

import io.github.groundedbot.conversation.Turn;
import io.github.groundedbot.grounding.Grounding;
import io.github.groundedbot.question.ReadQuestion;

import java.util.List;

/**
 * What a composer works from.
 *
 * @param question  the question as read (its profile says what kind of answer it asks for)
 * @param grounding the supporting and related evidence
 * @param turns     the conversation so far, oldest first
 */
public record Composition(ReadQuestion.Searched question, Grounding grounding, List<Turn> turns) {
}
