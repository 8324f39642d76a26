package io.github.groundedbot.answer;

import io.github.groundedbot.conversation.ConversationIds;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.regex.Pattern;

/** Checks what a client sends before anything is searched; a bad question is a clear error, never a guess. */
@ApplicationScoped
public class QuestionValidator {

    /**
     * Control and format characters (NUL, bidi overrides, zero-width joiners, lone surrogates) carry no
     * meaning here and would reach logs and the model as they are.
     */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Cs}\\p{Zl}\\p{Zp}\\p{Zs}]+");
    private static final Pattern WORD_CHARACTER = Pattern.compile("[\\p{L}\\p{N}]");

    private final AnswerConfig config;

    public QuestionValidator(AnswerConfig config) {
        this.config = config;
    }

    /** The question with invisible characters made spaces and the ends stripped. */
    public String question(String question) {
        if (question == null || question.isBlank()) {
            throw new InvalidQuestionException("The question is empty: send the text of a question.");
        }
        String text = INVISIBLE.matcher(question).replaceAll(" ").strip();
        if (!WORD_CHARACTER.matcher(text).find()) {
            throw new InvalidQuestionException("The question has no words: send the text of a question.");
        }
        if (text.length() > config.maxQuestionLength()) {
            throw new InvalidQuestionException("The question is " + text.length() + " characters long; the limit is "
                    + config.maxQuestionLength() + ".");
        }
        return text;
    }

    /** A conversation id sent back by a client: ids are short, so a huge one is an error rather than stored. */
    public void conversationId(String id) {
        if (id != null && id.length() > ConversationIds.MAX_LENGTH) {
            throw new InvalidQuestionException("The conversationId is " + id.length() + " characters long; send back "
                    + "the id an earlier answer gave you (at most " + ConversationIds.MAX_LENGTH + ").");
        }
    }
}
