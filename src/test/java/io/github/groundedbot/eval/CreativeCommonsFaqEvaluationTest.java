package io.github.groundedbot.eval;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import java.nio.file.Path;

/**
 * Our own fourth fact base, made from the Creative Commons FAQ (see its README): the FAQ authors'
 * questions, paraphrases and near-domain questions to refuse, on copyright licensing rather than
 * software or science.
 * <p>
 * The acceptance target is at least 18 of 20 answered right, at least 9 of 10 refused right and 0
 * confidently wrong. The bot is not there yet, so the floors hold today's measured level and catch a
 * regression; tighten them as the bot improves, until they are the target. This base was written
 * after the sentence-level grounding was tuned and kept out of that work: it is the held-out
 * measure (14/20, 8/10, 4 before that work; 13/20, 7/10, 6 after; 13/20, 9/10, 3 after the rules on what a
 * question asks: who did it, the verb it asks about, the snippet most about it).
 */
@QuarkusTest
@TestProfile(CreativeCommonsFaqEvaluationTest.CreativeCommonsFacts.class)
class CreativeCommonsFaqEvaluationTest extends FactBaseEvaluation {

    /** Answerable questions (of 20) answered right, at least: today's level. The target is 18. */
    static final int CC_FAQ_MIN_ANSWERED = 13;

    /** Questions to refuse (of 10) refused right, at least: the target. */
    static final int CC_FAQ_MIN_REFUSED = 9;

    /** Confidently wrong replies, at most: today's level. The target is 0; lower this as the bot improves. */
    static final int CC_FAQ_MAX_CONFIDENTLY_WRONG = 3;

    private static final String SET = "cc-faq";
    private static final Path DIR = EvalFiles.FACT_BASES.resolve(SET);

    public static class CreativeCommonsFacts extends FactBaseProfile {
        public CreativeCommonsFacts() {
            super(DIR.resolve("kb"));
        }
    }

    CreativeCommonsFaqEvaluationTest() {
        super(SET, DIR, new Scorer.Floors(CC_FAQ_MIN_ANSWERED, CC_FAQ_MIN_REFUSED, CC_FAQ_MAX_CONFIDENTLY_WRONG));
    }
}
