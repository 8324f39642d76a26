package io.github.groundedbot.answer;

/** A question that cannot be answered as sent (blank, too long); channels report it as a client error. */
public class InvalidQuestionException extends RuntimeException {

    public InvalidQuestionException(String message) {
        super(message);
    }
}
