package io.github.groundedbot.eval;

import io.github.groundedbot.answer.AnswerService;
import io.github.groundedbot.answer.Question;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The same answer and abstain behaviour on a fact base about something else entirely. */
@QuarkusTest
@TestProfile(OtherTopicEvaluationTest.BicycleFacts.class)
class OtherTopicEvaluationTest {

    /** Least share of answerable questions answered right, and of questions to refuse refused right. */
    static final double MIN_RATE = 0.9;

    public static class BicycleFacts extends FactBaseProfile {
        public BicycleFacts() {
            super(EvalFiles.FACT_BASES.resolve("bicycle"));
        }
    }

    @Inject
    AnswerService answers;

    @Test
    void answersAndAbstainsAtLeastNinetyPercent() {
        Scorer scorer = new Scorer();
        scorer.score("bicycle questions", EvalFiles.questions(EvalFiles.OWN.resolve("bicycle-questions.jsonl")),
                q -> answers.ask(Question.inConversation("eval", q, null)));
        System.out.println(scorer.report());

        assertThat(scorer.answeredRate()).as(scorer.report()).isGreaterThanOrEqualTo(MIN_RATE);
        assertThat(scorer.abstainedRate()).as(scorer.report()).isGreaterThanOrEqualTo(MIN_RATE);
    }

    @Test
    void refusalNamesTheTopicsOfThisFactBase() {
        var refusal = answers.ask(Question.inConversation("eval", "What is the boiling point of mercury?", null));
        assertThat(refusal.grounded()).isFalse();
        assertThat(refusal.citations()).isEmpty();
        assertThat(refusal.answer()).contains("Early bicycle designs").doesNotContain("China");
    }
}
