package io.github.groundedbot.llm;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import io.github.groundedbot.conversation.Turn;
import io.github.groundedbot.grounding.Evidence;
import io.github.groundedbot.knowledge.Snippet;

import java.util.List;

/** What the LLM is told: the instructions and the prompts for phrasing an answer and for rewriting a follow-up. */
final class Prompts {

    /** What the model must reply, alone, when the snippets do not answer. */
    static final String NO_ANSWER = "NO_ANSWER";
    /** How many of the conversation's earlier questions the model sees. */
    static final int RECENT_TURNS = 3;

    static final String PHRASE_INSTRUCTIONS = """
            You reword answers for a question-answering bot that must never state anything its sources do not say.
            Answer the question using only the facts in the snippets below, in their words where you can. Do not \
            add facts, names, numbers, dates or links that the snippets do not contain, do not turn a statement \
            into its opposite, and do not use outside knowledge.
            End every sentence with the ids of the snippets it relies on, in square brackets, before the full stop, \
            for example: "Huawei designs its own AI chips [S1]." Use only the ids given, such as [S1] or [S1][S2].
            Answer in one to three short sentences, under 500 characters, as plain text: no lists, no markdown, \
            no HTML, no preamble.
            If the snippets do not answer the question, reply exactly NO_ANSWER and nothing else.""";
    static final String REWRITE_INSTRUCTIONS = """
            Rewrite the user's follow-up question as one standalone question, using the earlier questions of the \
            conversation to say what it refers to. Reply with the rewritten question only, on one line, without \
            quotes. Do not answer it.""";

    private Prompts() {
    }

    /** Asks for the question's answer from the snippets, {@code S1} being the first. */
    static List<ChatMessage> phrase(String question, List<Evidence> snippets, List<Turn> turns) {
        StringBuilder prompt = new StringBuilder("Snippets:\n");
        for (int i = 0; i < snippets.size(); i++) {
            Snippet snippet = snippets.get(i).candidate().snippet();
            prompt.append("[S").append(i + 1).append("] ").append(snippet.title()).append(": ")
                    .append(snippet.text().replaceAll("\\s+", " ").strip()).append('\n');
        }
        appendTurns(prompt, turns);
        prompt.append("\nQuestion: ").append(question);
        return List.of(SystemMessage.from(PHRASE_INSTRUCTIONS), UserMessage.from(prompt.toString()));
    }

    /** Asks for the follow-up as a standalone question. */
    static List<ChatMessage> rewrite(String followUp, List<Turn> turns) {
        StringBuilder prompt = new StringBuilder();
        appendTurns(prompt, turns);
        prompt.append("\nFollow-up question: ").append(followUp);
        return List.of(SystemMessage.from(REWRITE_INSTRUCTIONS), UserMessage.from(prompt.toString()));
    }

    private static void appendTurns(StringBuilder prompt, List<Turn> turns) {
        if (turns.isEmpty()) {
            return;
        }
        prompt.append("\nEarlier questions in this conversation, oldest first:\n");
        turns.subList(Math.max(0, turns.size() - RECENT_TURNS), turns.size())
                .forEach(turn -> prompt.append("- ").append(turn.question()).append('\n'));
    }
}
