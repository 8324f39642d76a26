package io.github.groundedbot.answer;

import io.github.groundedbot.query.Names;
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
 * @param text        the question with any subjects carried from earlier turns: what is searched
 * @param asked       the question as asked
 * @param terms       distinct stemmed content terms
 * @param names       stems of the proper names, acronyms and model numbers it mentions
 * @param expectation the kind of answer the wh-word asks for
 * @param counted     stems of what "how many …" counts; the answer must name it too
 * @param carried     terms that only the earlier turns brought into a follow-up; they count half
 */
record QuestionProfile(String text, String asked, Set<String> terms, List<Set<String>> names, Expectation expectation,
                       Set<String> counted, Set<String> carried) {

    enum Expectation {
        /** "when", "what year": the answer must hold a date. */
        TIME,
        /** "how many", "how much": the answer must hold a number. */
        QUANTITY,
        /** "why", "what is the reason": the answer must give a cause. */
        REASON,
        /** "what … for?", "what purpose": the answer must say what something is used for. */
        PURPOSE,
        ANY;

        /** A cause or purpose is often implied; a missing date or number is a real gap. */
        boolean soft() {
            return this == REASON || this == PURPOSE;
        }
    }

    private static final Pattern TIME_QUESTION = Pattern.compile(
            "^(when\\b|what (year|date|month|day|time)\\b|which (year|date|month)\\b|since when\\b|how long ago\\b)"
                    + "|\\b(in|on) what (year|date|month)\\b");
    private static final Pattern REASON_QUESTION = Pattern.compile(
            "^(why\\b|how come\\b)|\\b(what('s| is| was| are)? the (main |real |key )?(reasons?|causes?)|for what reason)\\b");
    private static final Pattern PURPOSE_QUESTION = Pattern.compile(
            "^(what|which)\\b.*\\bfor[?!.\\s]*$|\\b(what|which) (purpose|use)\\b|\\bused for\\b");
    private static final Pattern COUNTED = Pattern.compile("\\bhow many ([\\p{L}-]+)");
    private static final Pattern QUANTITY_QUESTION = Pattern.compile("^how (many|much)\\b|\\bhow (many|much)\\b");

    /** The same question with no demand on the kind of answer ("tell me more" takes any fact). */
    QuestionProfile anyAnswer() {
        return new QuestionProfile(text, asked, terms, names, Expectation.ANY, Set.of(), carried);
    }

    static QuestionProfile of(String question, TextAnalyzer analyzer) {
        return of(question, List.of(), analyzer);
    }

    /** A question, with the subjects a follow-up carries over from earlier turns. */
    static QuestionProfile of(String question, List<String> carriedSubjects, TextAnalyzer analyzer) {
        Set<String> own = new LinkedHashSet<>(analyzer.terms(question));
        Set<String> carried = new LinkedHashSet<>(analyzer.terms(String.join(" ", carriedSubjects)));
        carried.removeAll(own);
        Set<String> terms = new LinkedHashSet<>(own);
        terms.addAll(carried);
        String asked = question;
        question = carriedSubjects.isEmpty() ? question : question + " " + String.join(" ", carriedSubjects);
        List<Set<String>> names = new ArrayList<>();
        for (String name : Names.in(question)) {
            // "U.S." and "US" are one name
            for (String word : name.split(" ")) {
                Set<String> stems = new LinkedHashSet<>(analyzer.terms(word.replaceAll("^(\\p{Lu})\\.(\\p{Lu})\\.?$", "$1$2")));
                if (!stems.isEmpty()) {
                    names.add(stems);
                }
            }
        }
        String lower = asked.strip().toLowerCase(Locale.ROOT); // the kind of answer comes from what is asked now
        Expectation expectation = TIME_QUESTION.matcher(lower).find() ? Expectation.TIME
                : QUANTITY_QUESTION.matcher(lower).find() ? Expectation.QUANTITY
                : REASON_QUESTION.matcher(lower).find() ? Expectation.REASON
                : PURPOSE_QUESTION.matcher(lower).find() ? Expectation.PURPOSE
                : Expectation.ANY;
        Matcher counted = COUNTED.matcher(lower);
        Set<String> countedStems = counted.find() ? Set.copyOf(analyzer.terms(counted.group(1))) : Set.of();
        return new QuestionProfile(question, asked, terms, names, expectation, countedStems, Set.copyOf(carried));
    }
}
