package io.github.groundedbot.knowledge;

import java.util.List;

/** The fact base is broken; {@link #problems()} name each file and line. */
public class KnowledgeException extends RuntimeException {

    private final List<String> problems;

    public KnowledgeException(List<String> problems) {
        super("The fact base is invalid:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
