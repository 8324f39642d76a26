package io.github.groundedbot.knowledge;

import java.util.List;

/** The fact base is broken; {@link #problems()} name each file and line. */
public class KnowledgeException extends RuntimeException {

    private final List<String> problems;

    public KnowledgeException(List<String> problems) {
        this("The fact base is invalid", problems);
    }

    /** @param summary what is wrong as a whole, followed in the message by each problem on its own line */
    public KnowledgeException(String summary, List<String> problems) {
        super(summary + ":\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
