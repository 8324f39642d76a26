package io.github.groundedbot.language;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the kind of answer a question asks for from its wording. */
public final class QuestionTypes {

    private static final Pattern TIME_QUESTION = Pattern.compile(
            "^(when\\b|what (year|date|month|day|time)\\b|which (year|date|month)\\b|since when\\b|how long ago\\b)"
                    + "|\\b(in|on) what (year|date|month)\\b");
    private static final Pattern REASON_QUESTION = Pattern.compile(
            "^(why\\b|how come\\b)|\\b(what('s| is| was| are)? the (main |real |key )?(reasons?|causes?)|for what reason)\\b");
    private static final Pattern PURPOSE_QUESTION = Pattern.compile(
            "^(what|which)\\b.*\\bfor[?!.\\s]*$|\\b(what|which) (purpose|use)\\b|\\bused for\\b");
    private static final Pattern QUANTITY_QUESTION = Pattern.compile("\\bhow (many|much)\\b");
    private static final Pattern PLACE_QUESTION = Pattern.compile(
            "^where\\b(?!.*\\b(comes?|coming|came) from\\b)|\\b(in|at) (what|which) (place|country|city|town|region|state|part|location)\\b");
    private static final Pattern COUNTED = Pattern.compile("\\bhow (many|much) ([\\p{L}-]+)");

    private QuestionTypes() {
    }

    /** The first kind that applies, in the order time, quantity, place, reason, purpose; {@link Expectation#ANY} otherwise. */
    public static Expectation expectation(String question) {
        String lower = normal(question);
        if (TIME_QUESTION.matcher(lower).find()) {
            return Expectation.TIME;
        }
        if (QUANTITY_QUESTION.matcher(lower).find()) {
            return Expectation.QUANTITY;
        }
        if (PLACE_QUESTION.matcher(lower).find()) {
            return Expectation.PLACE;
        }
        if (REASON_QUESTION.matcher(lower).find()) {
            return Expectation.REASON;
        }
        return PURPOSE_QUESTION.matcher(lower).find() ? Expectation.PURPOSE : Expectation.ANY;
    }

    /**
     * What "how many …" counts or "how much …" measures ("how many employees" gives "employees", "how
     * much memory" gives "memory"); the answer must name it too. A word that only shapes the question
     * ("how much does it cost") is dropped by the term analysis and asks nothing.
     */
    public static Optional<String> counted(String question) {
        Matcher counted = COUNTED.matcher(normal(question));
        return counted.find() ? Optional.of(counted.group(2)) : Optional.empty();
    }

    private static String normal(String question) {
        return question.strip().toLowerCase(Locale.ROOT);
    }
}
