package io.github.groundedbot.eval;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import java.nio.file.Path;

/**
 * A fact base made from the Let's Encrypt FAQ (see its README): a nonprofit certificate authority, asked
 * the FAQ's own questions, everyday paraphrases ("one cert for several domains?") and near-domain
 * questions it cannot answer (its founder, its rate limits, why certificates last 90 days).
 * <p>
 * It was written without running the bot and first measured before the rules on what a question asks
 * (12/20, 9/10, 2 confidently wrong); the floors hold today's level. The target is the one of the
 * other FAQ bases: at least 18 of 20 answered right, 9 of 10 refused right and 0 confidently wrong.
 */
@QuarkusTest
@TestProfile(LetsEncryptFaqEvaluationTest.LetsEncryptFacts.class)
class LetsEncryptFaqEvaluationTest extends FactBaseEvaluation {

    /** Answerable questions (of 20) answered right, at least: today's level. The target is 18. */
    static final int LETSENCRYPT_MIN_ANSWERED = 16;

    /** Questions to refuse (of 10) refused right, at least: the target. */
    static final int LETSENCRYPT_MIN_REFUSED = 9;

    /** Confidently wrong replies, at most: today's level. The target is 0. */
    static final int LETSENCRYPT_MAX_CONFIDENTLY_WRONG = 1;

    private static final String SET = "letsencrypt-faq";
    private static final Path DIR = EvalFiles.FACT_BASES.resolve(SET);

    public static class LetsEncryptFacts extends FactBaseProfile {
        public LetsEncryptFacts() {
            super(DIR.resolve("kb"));
        }
    }

    LetsEncryptFaqEvaluationTest() {
        super(SET, DIR, new Scorer.Floors(LETSENCRYPT_MIN_ANSWERED, LETSENCRYPT_MIN_REFUSED,
                LETSENCRYPT_MAX_CONFIDENTLY_WRONG));
    }
}
