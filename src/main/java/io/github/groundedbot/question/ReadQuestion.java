package io.github.groundedbot.question;

import io.github.groundedbot.language.SmallTalk;

import java.util.List;

/**
 * How the bot read a message, before anything is retrieved. The answer service decides what to
 * do by the kind of reading, never by the words of the message.
 */
public sealed interface ReadQuestion {

    /** A greeting, thanks or "what can you do?": answered kindly, never from the facts. */
    record SmallTalkMessage(SmallTalk.Kind kind) implements ReadQuestion {
    }

    /** A question to answer from the facts. */
    sealed interface Searched extends ReadQuestion {
        /** The question as searched, with any carried subjects. */
        QuestionProfile profile();

        /** The text searched without carried subjects; a later "tell me more" searches it again. */
        String query();

        /** Names carried over from earlier turns; empty for a standalone question. */
        List<String> carried();

        /** What the user sees of how the question was read: "Who released it? (Yi-34B)". */
        default String resolved() {
            return carried().isEmpty() ? query() : query() + " (" + String.join(", ", carried()) + ")";
        }
    }

    /** A question that stands alone: searched exactly as typed. */
    record Standalone(QuestionProfile profile, String query) implements Searched {
        @Override
        public List<String> carried() {
            return List.of();
        }
    }

    /** A question that leans on the last turn ("Who released it?"), searched with its subjects. */
    record FollowUp(QuestionProfile profile, String query, List<String> carried) implements Searched {
    }

    /** "Tell me more": the last turn's question again, answered with facts not yet shown. */
    record More(QuestionProfile profile, String query, List<String> carried) implements Searched {
    }
}
