package io.github.groundedbot.eval;

import io.github.groundedbot.answer.AnswerService;
import io.github.groundedbot.answer.Question;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Retrieval and answers on the default fact base, scored on our questions and the shared ones. */
@QuarkusTest
class SeedEvaluationTest {

    /** Least share of answerable questions answered right, and of questions to refuse refused right, over both sets. */
    static final double MIN_RATE = 0.9;

    @Inject
    AnswerService answers;

    @Test
    void answersAndAbstainsAtLeastNinetyPercent() {
        Scorer scorer = new Scorer();
        scorer.score("own seed questions", EvalFiles.questions(EvalFiles.OWN.resolve("seed-questions.jsonl")),
                q -> answers.ask(Question.inConversation("eval", q, null)));
        EvalFiles.shared("questions.jsonl").ifPresent(shared ->
                scorer.score("shared questions", EvalFiles.questions(shared), q -> answers.ask(Question.inConversation("eval", q, null))));
        System.out.println(scorer.report());

        assertThat(scorer.answeredRate()).as(scorer.report()).isGreaterThanOrEqualTo(MIN_RATE);
        assertThat(scorer.abstainedRate()).as(scorer.report()).isGreaterThanOrEqualTo(MIN_RATE);
    }
}
