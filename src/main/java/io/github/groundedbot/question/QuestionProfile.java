package io.github.groundedbot.question;

import io.github.groundedbot.language.Expectation;
import io.github.groundedbot.language.Names;
import io.github.groundedbot.language.QuestionTypes;
import io.github.groundedbot.language.TextAnalyzer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a question asks about, read without a language model.
 *
 * @param text        the question with any subjects carried from earlier turns: what is searched
 * @param asked       the question as asked
 * @param terms       distinct stemmed content terms
 * @param names       stems of the proper names, acronyms, model numbers and numbers it mentions
 * @param expectation the kind of answer the wh-word asks for
 * @param counted     stems of what "how many …" counts; the answer must name it too
 * @param action      stems of the verb "who …" asks about ("won" in "Who won the race?"); a snippet that
 *                    supports the answer on shared words alone must name it too
 * @param carried     terms that only the earlier turns brought into a follow-up; they count half
 */
public record QuestionProfile(String text, String asked, Set<String> terms, List<Set<String>> names,
                              Expectation expectation, Set<String> counted, Set<String> action,
                              Set<String> carried) {

    /** "U.S." and "US" are one name. */
    private static final Pattern DOTTED_ACRONYM = Pattern.compile("^(\\p{Lu})\\.(\\p{Lu})\\.?$");

    /** The same question with no demand on the kind of answer ("tell me more" takes any fact). */
    public QuestionProfile anyAnswer() {
        return new QuestionProfile(text, asked, terms, names, Expectation.ANY, Set.of(), Set.of(), carried);
    }

    /** A question, with the subjects a follow-up carries over from earlier turns. */
    public static QuestionProfile of(String question, List<String> carriedSubjects, TextAnalyzer analyzer) {
        Set<String> own = new LinkedHashSet<>(analyzer.terms(question));
        Set<String> carried = new LinkedHashSet<>(analyzer.terms(String.join(" ", carriedSubjects)));
        carried.removeAll(own);
        Set<String> terms = new LinkedHashSet<>(own);
        terms.addAll(carried);
        String searched = carriedSubjects.isEmpty() ? question : question + " " + String.join(" ", carriedSubjects);
        List<Set<String>> names = new ArrayList<>();
        for (String name : Names.in(searched)) {
            for (String word : name.split(" ")) {
                Set<String> stems = new LinkedHashSet<>(analyzer.terms(DOTTED_ACRONYM.matcher(word).replaceAll("$1$2")));
                if (!stems.isEmpty()) {
                    names.add(stems);
                }
            }
        }
        List<String> identifiers = new ArrayList<>(Names.identifiers(question));
        identifiers.addAll(Names.numbers(question));
        for (String identifier : identifiers) {
            Set<String> stems = new LinkedHashSet<>(analyzer.terms(identifier));
            if (!stems.isEmpty() && !names.contains(stems)) {
                names.add(stems);
            }
        }
        // The kind of answer comes from what is asked now, not from the carried subjects.
        Set<String> counted = QuestionTypes.counted(question).map(analyzer::termSet).orElse(Set.of());
        Set<String> action = QuestionTypes.action(question).map(analyzer::termSet).orElse(Set.of());
        return new QuestionProfile(searched, question, terms, names, QuestionTypes.expectation(question), counted,
                action, Set.copyOf(carried));
    }
}
