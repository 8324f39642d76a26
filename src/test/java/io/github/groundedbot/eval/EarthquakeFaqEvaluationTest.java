package io.github.groundedbot.eval;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import java.nio.file.Path;

/**
 * Our own third fact base, made from the USGS earthquake FAQ (see its README): the FAQ authors'
 * questions, paraphrases and near-domain questions to refuse.
 * <p>
 * The acceptance target is at least 18 of 20 answered right, at least 9 of 10 refused right and 0
 * confidently wrong. The floors hold today's measured level, at or above the target where it is
 * reached, and catch a regression; tighten them as the bot improves.
 */
@QuarkusTest
@TestProfile(EarthquakeFaqEvaluationTest.EarthquakeFacts.class)
class EarthquakeFaqEvaluationTest extends FactBaseEvaluation {

    /** Answerable questions (of 20) answered right, at least: today's level. The target is 18. */
    static final int EARTHQUAKE_MIN_ANSWERED = 17;

    /** Questions to refuse (of 10) refused right, at least: today's level. The target is 9. */
    static final int EARTHQUAKE_MIN_REFUSED = 10;

    /** Confidently wrong replies, at most: the target, and today's level. */
    static final int EARTHQUAKE_MAX_CONFIDENTLY_WRONG = 0;

    private static final String SET = "usgs-earthquakes";
    private static final Path DIR = EvalFiles.FACT_BASES.resolve(SET);

    public static class EarthquakeFacts extends FactBaseProfile {
        public EarthquakeFacts() {
            super(DIR.resolve("kb"));
        }
    }

    EarthquakeFaqEvaluationTest() {
        super(SET, DIR, new Scorer.Floors(EARTHQUAKE_MIN_ANSWERED, EARTHQUAKE_MIN_REFUSED,
                EARTHQUAKE_MAX_CONFIDENTLY_WRONG));
    }
}
