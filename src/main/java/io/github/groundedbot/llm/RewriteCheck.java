package io.github.groundedbot.llm;

import io.github.groundedbot.conversation.Turn;
import io.github.groundedbot.language.FollowUpCues;
import io.github.groundedbot.language.Names;
import io.github.groundedbot.question.QuestionReader;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether an LLM's rewrite of a follow-up can be searched instead of the rule-based reading: one
 * line, a question, and no name the conversation has not mentioned, so a rewrite cannot steer
 * retrieval off the conversation.
 */
final class RewriteCheck {

    /** Longer than any question a person asks as a follow-up. */
    static final int MAX_CHARS = 300;
    private static final int MIN_CHARS = 3;
    private static final Pattern QUOTES = Pattern.compile("^[\"'“”]+|[\"'“”]+$");
    private static final Pattern POSSESSIVE = Pattern.compile("['’]s$");

    private RewriteCheck() {
    }

    /** The rewrite without the quotes a model may put around it, when it passes; else empty. */
    static Optional<String> accepted(String reply, String followUp, List<Turn> turns) {
        String question = QUOTES.matcher(reply.strip()).replaceAll("").strip();
        return plausible(question, followUp, turns) ? Optional.of(question) : Optional.empty();
    }

    static boolean plausible(String question, String followUp, List<Turn> turns) {
        if (question.length() < MIN_CHARS || question.length() > MAX_CHARS || question.contains("\n")
                || !question.endsWith("?") || question.contains(Prompts.NO_ANSWER)) {
            return false;
        }
        Set<String> known = new HashSet<>();
        FollowUpCues.subjects(followUp).forEach(name -> known.add(lower(name)));
        StringBuilder said = new StringBuilder(lower(followUp));
        for (Turn turn : turns) {
            said.append('\n').append(lower(turn.question()));
            QuestionReader.subjectsOf(turn).forEach(name -> known.add(lower(name)));
        }
        return Names.in(question).stream()
                .map(name -> POSSESSIVE.matcher(lower(name)).replaceAll(""))
                .allMatch(name -> known.contains(name) || said.indexOf(name) >= 0);
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
