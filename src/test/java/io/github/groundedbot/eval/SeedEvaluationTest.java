package io.github.groundedbot.eval;

import io.github.groundedbot.answer.AnswerService;
import io.github.groundedbot.answer.Question;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Retrieval and answers on the default fact base, scored on our questions and the shared ones. */
@QuarkusTest
class SeedEvaluationTest {

    @Inject
    AnswerService answers;

    @Test
    void answersAndAbstainsAtLeastNinetyPercent() {
        Scorer scorer = new Scorer();
        scorer.score("own seed questions", Scorer.read(Path.of("src/test/resources/eval/seed-questions.jsonl"),
                EvalCase.class), q -> answers.ask(Question.inConversation("eval", q, null)));
        for (Path shared : Scorer.existing(Scorer.SHARED_EVAL.resolve("questions.jsonl"))) {
            scorer.score("shared questions", Scorer.read(shared, EvalCase.class), q -> answers.ask(Question.inConversation("eval", q, null)));
        }
        System.out.println(scorer.report());

        assertThat(scorer.answeredRate()).as(scorer.report()).isGreaterThanOrEqualTo(0.9);
        assertThat(scorer.abstainedRate()).as(scorer.report()).isGreaterThanOrEqualTo(0.9);
    }
}
