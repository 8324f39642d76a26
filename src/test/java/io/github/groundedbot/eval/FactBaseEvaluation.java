package io.github.groundedbot.eval;

import io.github.groundedbot.answer.AnswerService;
import io.github.groundedbot.answer.Question;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

/**
 * The evaluation of one extra fact base, a folder holding the facts in {@code kb/} and the questions
 * in {@code questions.jsonl}. A subclass names the base and its floors and runs under a
 * {@link FactBaseProfile} that loads {@code kb/}.
 */
abstract class FactBaseEvaluation {

    private final String set;
    private final Path dir;
    private final Scorer.Floors floors;

    @Inject
    AnswerService answers;

    protected FactBaseEvaluation(String set, Path dir, Scorer.Floors floors) {
        this.set = set;
        this.dir = dir;
        this.floors = floors;
    }

    @Test
    void scoresAtLeastTheFloors() {
        Scorer scorer = new Scorer();
        scorer.score(set, EvalFiles.questions(dir.resolve("questions.jsonl")), q -> answers.ask(Question.inConversation("eval", q, null)));
        System.out.println(scorer.report());

        scorer.assertSet(set, floors);
    }
}
