package io.github.groundedbot.eval;

import io.github.groundedbot.answer.Answer;
import io.github.groundedbot.answer.Citation;
import io.github.groundedbot.answer.Outcome;
import io.github.groundedbot.eval.Scorer.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scorer's verdicts and counts, without the application. */
class ScorerTest {

    private static final EvalCase ANSWERABLE = new EvalCase("a1", "Where does the name Redis come from?",
            List.of("remote dictionary server"), null, false);
    private static final EvalCase TO_REFUSE = new EvalCase("r1", "Who painted the Mona Lisa?", null, null, true);
    private static final Citation NAME = citation("Redis is an acronym that stands for REmote DIctionary Server.");
    private static final Citation PRONUNCIATION = citation("\"Redis\" is pronounced like \"red\" plus \"kiss\" without the k.");

    @Test
    void rightNeedsThePhraseInTheAnswerAndInACitedSnippet() {
        assertThat(Scorer.judge(ANSWERABLE, answered("It stands for REmote DIctionary Server [1].", NAME)))
                .isEqualTo(Verdict.RIGHT);
        assertThat(Scorer.judge(ANSWERABLE, answered("It stands for REmote DIctionary Server [1].", PRONUNCIATION)))
                .isEqualTo(Verdict.ANSWERED_WITHOUT_FACT);
    }

    @Test
    void aGroundedReplyWithoutTheFactIsConfidentlyWrong() {
        Verdict verdict = Scorer.judge(ANSWERABLE, answered("It is pronounced like red plus kiss [1].", PRONUNCIATION));

        assertThat(verdict).isEqualTo(Verdict.ANSWERED_WITHOUT_FACT);
        assertThat(verdict.confidentlyWrong()).isTrue();
    }

    @Test
    void answeringAQuestionToRefuseIsConfidentlyWrong() {
        Verdict verdict = Scorer.judge(TO_REFUSE, answered("Redis is an acronym [1].", NAME));

        assertThat(verdict).isEqualTo(Verdict.ANSWERED_REFUSABLE);
        assertThat(verdict.confidentlyWrong()).isTrue();
    }

    @Test
    void refusalsAndOverlongAnswersAreMissesButNotConfidentlyWrong() {
        String pasted = "It stands for REmote DIctionary Server [1]. " + "x".repeat(Scorer.MAX_ANSWER_CHARS);

        assertThat(Scorer.judge(ANSWERABLE, refused())).isEqualTo(Verdict.REFUSED_ANSWERABLE);
        assertThat(Scorer.judge(ANSWERABLE, answered(pasted, NAME))).isEqualTo(Verdict.TOO_LONG);
        assertThat(Scorer.judge(TO_REFUSE, refused())).isEqualTo(Verdict.RIGHT);
        assertThat(Scorer.judge(TO_REFUSE, new Answer("I don't know.", Outcome.REFUSED, List.of(NAME), "c", null)))
                .isEqualTo(Verdict.REFUSED_WITH_CITATIONS);
        assertThat(List.of(Verdict.REFUSED_ANSWERABLE, Verdict.TOO_LONG, Verdict.REFUSED_WITH_CITATIONS))
                .noneMatch(Verdict::confidentlyWrong);
    }

    @Test
    void countsEachSetAndTheReportHasTheConfidentlyWrongColumn() {
        Scorer scorer = new Scorer();
        scorer.score("faq", List.of(ANSWERABLE, TO_REFUSE), q -> answered("Redis is an acronym [1].", NAME));

        assertThat(scorer.set("faq")).isEqualTo(new Scorer.SetScore("faq", 0, 1, 0, 1, 2));
        assertThat(scorer.report())
                .contains("| set | answered right | refused right | confidently wrong |")
                .contains("| faq | 0/1 | 0/1 | 2 |")
                .contains("faq a1: Where does the name Redis come from?");
    }

    @Test
    void anEmptyQuestionSetFailsInsteadOfScoringFull() {
        Scorer scorer = new Scorer();

        assertThatThrownBy(() -> scorer.score("empty", List.of(), q -> refused()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(scorer::answeredRate).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(scorer::abstainedRate).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(scorer::assertAllRight).isInstanceOf(AssertionError.class);
    }

    private static Answer answered(String text, Citation... citations) {
        return new Answer(text, Outcome.ANSWERED, List.of(citations), "c", null);
    }

    private static Answer refused() {
        return Answer.of(Outcome.REFUSED, "I don't know: my fact base has nothing that answers that.", "c");
    }

    private static Citation citation(String snippet) {
        return new Citation("project#" + snippet.length(), "title", "Redis FAQ", null, null, snippet, 0.7);
    }
}
