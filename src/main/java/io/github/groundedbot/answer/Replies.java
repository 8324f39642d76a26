package io.github.groundedbot.answer;

import io.github.groundedbot.language.SmallTalk;

import java.util.List;

/** The bot's own words: what it says when the facts do not answer, and to small talk. */
final class Replies {

    static final String NOTHING_MORE = "I have nothing more on that in my fact base.";

    private Replies() {
    }

    static String refusal(List<String> topics) {
        return "I don't know: my fact base has nothing that answers that, and I only answer from it. "
                + "I can answer questions about: " + String.join("; ", topics) + ".";
    }

    static String smallTalk(SmallTalk.Kind kind, List<String> topics) {
        String about = "I answer questions from a curated fact base and cite my sources. You can ask me about: "
                + String.join("; ", topics) + ".";
        return switch (kind) {
            case GREETING -> "Hello! " + about;
            case CAPABILITIES -> about;
            case THANKS -> "You're welcome! Ask me anything else about: " + String.join("; ", topics) + ".";
            case GOODBYE -> "Goodbye!";
        };
    }
}
