package io.github.groundedbot.answer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Greetings, thanks and "what can you do?": answered kindly, never from (or as) facts. */
final class SmallTalk {

    private static final String OPENER = "(hi|hello|hey|hiya|howdy|yo|greetings|good (morning|afternoon|evening|day))";
    private static final Pattern GREETING = Pattern.compile("^" + OPENER + "( there| all| everyone| bot)?[!.,\\s]*$");
    private static final Pattern GREETING_PREFIX = Pattern.compile("^" + OPENER + "( there| all| everyone| bot)?[!.,]*\\s+");
    private static final Pattern THANKS = Pattern.compile(
            "^(thanks|thank you|thx|ty|cheers|great|cool|ok|okay|nice|perfect)( (so much|a lot|very much))?[!.,\\s]*$");
    private static final Pattern GOODBYE = Pattern.compile("^(bye|goodbye|see you|see ya|cya)[!.,\\s]*$");
    private static final Pattern CAPABILITIES = Pattern.compile(
            "^(help|\\?|what can you do|what do you do|what do you know( about)?|who are you|what are you"
                    + "|what can i ask( you)?|what can you (answer|tell me)( about)?|how do(es)? (you|this) work"
                    + "|what topics( do you (know|cover))?)[?!.\\s]*$");

    private SmallTalk() {
    }

    static Optional<String> reply(String question, List<String> topics) {
        String text = question.strip().toLowerCase(Locale.ROOT);
        String about = "I answer questions from a curated fact base and cite my sources. You can ask me about: "
                + String.join("; ", topics) + ".";
        if (GREETING.matcher(text).matches()) {
            return Optional.of("Hello! " + about);
        }
        if (CAPABILITIES.matcher(text).matches()) {
            return Optional.of(about);
        }
        if (THANKS.matcher(text).matches()) {
            return Optional.of("You're welcome! Ask me anything else about: " + String.join("; ", topics) + ".");
        }
        if (GOODBYE.matcher(text).matches()) {
            return Optional.of("Goodbye!");
        }
        return Optional.empty();
    }

    /** "Hi, what is X?" is a question with manners: answer the question. */
    static String withoutGreeting(String question) {
        String stripped = GREETING_PREFIX.matcher(question.strip().toLowerCase(Locale.ROOT)).find()
                ? question.strip().replaceFirst("(?i)" + GREETING_PREFIX.pattern().substring(1), "")
                : question;
        return stripped.isBlank() ? question : stripped;
    }
}
