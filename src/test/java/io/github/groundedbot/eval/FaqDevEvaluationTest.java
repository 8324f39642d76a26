package io.github.groundedbot.eval;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.condition.EnabledIf;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared {@code faq-dev} set: a fact base made from a real public FAQ (Redis) with its authors'
 * questions, paraphrases and near-domain questions to refuse, read from the shared folder at test time.
 * <p>
 * The acceptance target is at least 18 of 20 answered right, at least 9 of 10 refused right and 0
 * confidently wrong. The floors hold today's measured level, at or above the target where it is
 * reached, and catch a regression; tighten them as the bot improves.
 */
@QuarkusTest
@TestProfile(FaqDevEvaluationTest.FaqDevFacts.class)
@EnabledIf(value = "present", disabledReason = "the shared evaluation folder (shared/eval/faq-dev) is not on this machine")
class FaqDevEvaluationTest extends FactBaseEvaluation {

    /** Answerable questions (of 20) answered right, at least: today's level. The target is 18. */
    static final int FAQ_DEV_MIN_ANSWERED = 18;

    /** Questions to refuse (of 10) refused right, at least: today's level. The target is 9. */
    static final int FAQ_DEV_MIN_REFUSED = 10;

    /** Confidently wrong replies, at most: the target, and today's level. */
    static final int FAQ_DEV_MAX_CONFIDENTLY_WRONG = 0;

    private static final String SET = "faq-dev";
    private static final Path DIR = EvalFiles.SHARED.map(shared -> shared.resolve(SET)).orElse(Path.of(SET));

    public static class FaqDevFacts extends FactBaseProfile {
        public FaqDevFacts() {
            super(DIR.resolve("kb"));
        }
    }

    FaqDevEvaluationTest() {
        super(SET, DIR, new Scorer.Floors(FAQ_DEV_MIN_ANSWERED, FAQ_DEV_MIN_REFUSED, FAQ_DEV_MAX_CONFIDENTLY_WRONG));
    }

    static boolean present() {
        return Files.isDirectory(DIR.resolve("kb"));
    }
}
