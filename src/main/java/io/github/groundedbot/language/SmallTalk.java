package io.github.groundedbot.language;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Greetings, thanks, goodbyes and questions about the bot itself: answered kindly, never from facts. */
public final class SmallTalk {

    /** The kinds of small talk, each answered with its own kind of reply. */
    public enum Kind { GREETING, CAPABILITIES, THANKS, GOODBYE }

    private static final String OPENER = WordList.load("greetings").alternation();
    private static final String ADDRESSEE = "( there| all| everyone| bot)?";
    private static final Pattern GREETING = Pattern.compile("^" + OPENER + ADDRESSEE + "[!.,\\s]*$");
    private static final Pattern GREETING_PREFIX = Pattern.compile("^" + OPENER + ADDRESSEE + "[!.,]*\\s+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern THANKS = Pattern.compile(
            "^" + WordList.load("thanks").alternation() + "( (so much|a lot|very much))?[!.,\\s]*$");
    private static final Pattern GOODBYE = Pattern.compile("^" + WordList.load("goodbyes").alternation() + "[!.,\\s]*$");
    private static final Pattern CAPABILITIES = Pattern.compile(
            "^" + WordList.load("capability-questions").alternation() + "[?!.\\s]*$");

    private SmallTalk() {
    }

    /** The kind of small talk the whole message is, or empty for a question to answer from the facts. */
    public static Optional<Kind> of(String message) {
        String text = message.strip().toLowerCase(Locale.ROOT);
        if (GREETING.matcher(text).matches()) {
            return Optional.of(Kind.GREETING);
        }
        if (CAPABILITIES.matcher(text).matches()) {
            return Optional.of(Kind.CAPABILITIES);
        }
        if (THANKS.matcher(text).matches()) {
            return Optional.of(Kind.THANKS);
        }
        return GOODBYE.matcher(text).matches() ? Optional.of(Kind.GOODBYE) : Optional.empty();
    }

    /** "Hi, what is X?" is a question with manners: the question without its greeting. */
    public static String withoutGreeting(String message) {
        String stripped = GREETING_PREFIX.matcher(message.strip()).replaceFirst("");
        return stripped.isBlank() ? message : stripped;
    }
}
