package io.github.groundedbot.answer;

import io.github.groundedbot.retrieval.TextAnalyzer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a question asks about, read without a language model.
 *
 * @param text        the question as asked
 * @param terms       distinct stemmed content terms
 * @param names       stems of the proper names, acronyms and model numbers it mentions
 * @param expectation the kind of answer the wh-word asks for
 * @param counted     stems of what "how many …" counts; the answer must name it too
 */
record QuestionProfile(String text, Set<String> terms, List<Set<String>> names, Expectation expectation,
                       Set<String> counted) {

    enum Expectation {
        /** "when", "what year": the answer must hold a date. */
        TIME,
        /** "how many", "how much": the answer must hold a number. */
        QUANTITY,
        /** "why", "what is the reason": the answer must give a cause. */
        REASON,
        ANY
    }

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}.'’\\-]*");
    private static final Pattern TIME_QUESTION = Pattern.compile(
            "^(when\\b|what (year|date|month|day|time)\\b|which (year|date|month)\\b|since when\\b|how long ago\\b)"
                    + "|\\b(in|on) what (year|date|month)\\b");
    private static final Pattern REASON_QUESTION = Pattern.compile(
            "^(why\\b|how come\\b)|\\b(what('s| is| was| are)? the (main |real |key )?(reasons?|causes?)|for what reason)\\b");
    private static final Pattern COUNTED = Pattern.compile("\\bhow many ([\\p{L}-]+)");
    private static final Pattern QUANTITY_QUESTION = Pattern.compile("^how (many|much)\\b|\\bhow (many|much)\\b");

    static QuestionProfile of(String question, TextAnalyzer analyzer) {
        Set<String> terms = new LinkedHashSet<>(analyzer.terms(question));
        List<Set<String>> names = new ArrayList<>();
        Matcher tokens = TOKEN.matcher(question);
        boolean first = true;
        while (tokens.find()) {
            String token = tokens.group();
            if (isName(token, first)) {
                Set<String> stems = new LinkedHashSet<>(analyzer.terms(token.replaceAll("^(\\p{Lu})\\.(\\p{Lu})\\.?$", "$1$2")));
                if (!stems.isEmpty()) {
                    names.add(stems);
                }
            }
            first = false;
        }
        String lower = question.strip().toLowerCase(Locale.ROOT);
        Expectation expectation = TIME_QUESTION.matcher(lower).find() ? Expectation.TIME
                : QUANTITY_QUESTION.matcher(lower).find() ? Expectation.QUANTITY
                : REASON_QUESTION.matcher(lower).find() ? Expectation.REASON
                : Expectation.ANY;
        Matcher counted = COUNTED.matcher(lower);
        Set<String> countedStems = counted.find() ? Set.copyOf(analyzer.terms(counted.group(1))) : Set.of();
        return new QuestionProfile(question, terms, names, expectation, countedStems);
    }

    /**
     * Capitalised words after the first, acronyms, camel case and words with digits. The first
     * word is capitalised by grammar, so it counts only when its shape says it is a name.
     */
    private static boolean isName(String token, boolean first) {
        long upper = token.chars().filter(Character::isUpperCase).count();
        boolean digits = token.chars().anyMatch(Character::isDigit);
        boolean letters = token.chars().anyMatch(Character::isLetter);
        if (!letters) {
            return false; // a bare number is a quantity, not a name
        }
        if (digits || upper >= 2) {
            return true;
        }
        return !first && Character.isUpperCase(token.charAt(0)) && !token.equals("I");
    }
}
