package io.github.groundedbot.eval;

import io.github.groundedbot.answer.AnswerService;
import io.github.groundedbot.answer.Question;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The same answer and abstain behaviour on a fact base about something else entirely. */
@QuarkusTest
@TestProfile(OtherTopicEvaluationTest.BicycleFacts.class)
class OtherTopicEvaluationTest {

    public static class BicycleFacts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("knowledge.dir", "src/test/resources/factbases/bicycle");
        }
    }

    @Inject
    AnswerService answers;

    @Test
    void answersAndAbstainsAtLeastNinetyPercent() {
        Scorer scorer = new Scorer();
        scorer.score("bicycle questions", Scorer.read(Path.of("src/test/resources/eval/bicycle-questions.jsonl"),
                EvalCase.class), q -> answers.ask(Question.inConversation("eval", q, null)));
        System.out.println(scorer.report());

        assertThat(scorer.answeredRate()).as(scorer.report()).isGreaterThanOrEqualTo(0.9);
        assertThat(scorer.abstainedRate()).as(scorer.report()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void refusalNamesTheTopicsOfThisFactBase() {
        var refusal = answers.ask(Question.inConversation("eval", "What is the boiling point of mercury?", null));
        assertThat(refusal.grounded()).isFalse();
        assertThat(refusal.citations()).isEmpty();
        assertThat(refusal.answer()).contains("Early bicycle designs").doesNotContain("China");
    }
}
