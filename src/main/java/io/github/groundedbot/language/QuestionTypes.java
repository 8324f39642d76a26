package io.github.groundedbot.language;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads the kind of answer a question asks for from its wording. */
public final class QuestionTypes {

    private static final Pattern TIME_QUESTION = Pattern.compile(
            "^(when\\b|what (year|date|month|day|time)\\b|which (year|date|month)\\b|since when\\b|how long ago\\b)"
                    + "|\\b(in|on) what (year|date|month)\\b");
    private static final Pattern REASON_QUESTION = Pattern.compile(
            "^(why\\b|how come\\b)|\\b(what('s| is| was| are)? the (main |real |key )?(reasons?|causes?)|for what reason)\\b");
    private static final Pattern PURPOSE_QUESTION = Pattern.compile(
            "^(what|which)\\b(?!.*\\bstands? for[?!.\\s]*$).*\\bfor[?!.\\s]*$|\\b(what|which) (purpose|use)\\b|\\bused for\\b");
    private static final Pattern QUANTITY_QUESTION = Pattern.compile("\\bhow (many|much)\\b");
    private static final Pattern PLACE_QUESTION = Pattern.compile(
            "^where\\b(?!.*\\b(comes?|coming|came) from\\b)|\\b(in|at) (what|which) (place|country|city|town|region|state|part|location)\\b");
    /** "What is the latest version of …", "Which Ruby version …": a version asked for, not "What is version control?". */
    private static final Pattern VERSION_QUESTION = Pattern.compile(
            "^(?:\\p{L}+ )?(?:what|which)(?:'s| is| are| was)?(?: the)?(?: [\\p{L}\\d.+-]+){0,2}? versions?\\b(?! control)");
    /** "which charity", "from which state": the word after "which" is the kind of thing to name. */
    private static final Pattern WHICH = Pattern.compile("^(?:\\p{L}+ )?which ([\\p{L}-]+)");
    /** Kinds whose members have names, singular and plural ({@code nameable-kinds.txt}). */
    private static final Set<String> NAMEABLE_KINDS = WordList.load("nameable-kinds").entries().stream()
            .flatMap(line -> Arrays.stream(line.split("\\s+"))).collect(Collectors.toUnmodifiableSet());
    private static final Pattern COUNTED = Pattern.compile("\\bhow (many|much) ([\\p{L}-]+)(?: ([\\p{L}-]+))?");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\d'-]+");
    private static final Set<String> AUXILIARIES = WordList.load("auxiliaries").asSet();
    private static final Set<String> SUBJECT_PRONOUNS = WordList.load("subject-pronouns").asSet();
    private static final Set<String> ADVERBS = WordList.load("question-adverbs").asSet();
    /** "When was it founded?", "Where is it headquartered?", "When was it set up?": a passive ending in the verb asked about. */
    private static final Pattern PASSIVE = Pattern.compile(
            "^(when|where|(?:(?:in|on|at) )?(?:what|which) (?:year|date|month|day|place|country|city|town)) "
                    + "(?:is|are|was|were) .*?\\b([\\p{L}-]+)(?: (up|out|off|down))?[?!.\\s]*$");
    private static final Pattern PARTICIPLE = Pattern.compile(".{3,}(ed|en)");
    private static final Set<String> IRREGULAR_FORMS = WordList.load("irregular-verbs").entries().stream()
            .map(line -> line.split("\\s+")[0]).collect(Collectors.toUnmodifiableSet());
    /** A word that describes what follows it ("registered users", "working days"). */
    private static final Pattern DESCRIBING = Pattern.compile(".+(ed|ing)");

    private QuestionTypes() {
    }

    /**
     * The first kind that applies, in the order time, quantity, place, reason, agent, version, named, purpose;
     * {@link Expectation#ANY} otherwise.
     */
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
        if (lower.startsWith("who") && action(lower).isPresent()) {
            return Expectation.AGENT;
        }
        if (VERSION_QUESTION.matcher(lower).find()) {
            return Expectation.VERSION;
        }
        if (named(lower).isPresent()) {
            return Expectation.NAMED;
        }
        return PURPOSE_QUESTION.matcher(lower).find() ? Expectation.PURPOSE : Expectation.ANY;
    }

    /**
     * The kind of thing a "which …" question asks to name: "charity" in "Which charity does it support?",
     * "states" in "From which states …"; empty for kinds whose members are not named ("which payment methods"),
     * for "which is …" and for questions without "which".
     */
    public static Optional<String> named(String question) {
        Matcher which = WHICH.matcher(normal(question));
        if (!which.find()) {
            return Optional.empty();
        }
        String kind = which.group(1);
        return NAMEABLE_KINDS.contains(kind) ? Optional.of(kind) : Optional.empty();
    }

    /**
     * What "how many …" counts or "how much …" measures ("how many employees" gives "employees", "how
     * much memory" gives "memory"); the answer must name it too. A word that only shapes the question
     * ("how much does it cost") is dropped by the term analysis and asks nothing.
     */
    public static Optional<String> counted(String question) {
        Matcher counted = COUNTED.matcher(normal(question));
        if (!counted.find()) {
            return Optional.empty();
        }
        // "how many registered users": the counted thing is the word the participle describes, with it.
        String next = counted.group(3);
        boolean describes = DESCRIBING.matcher(counted.group(2)).matches() && next != null
                && !AUXILIARIES.contains(next) && !TextAnalyzer.isStopWord(next);
        return Optional.of(describes ? counted.group(2) + " " + next : counted.group(2));
    }

    /**
     * The verb a "who" question asks about: "won" in "Who won the first race?", "ask" in "who do I ask
     * for permission?"; or that a passive "when" or "where" ends in: "founded" in "When was it founded?".
     * An answer must say who did <em>that</em>, not only who is involved. Empty when the question asks who
     * someone is ("Who is the CEO?", "Who are the Typhoon groups?").
     */
    public static Optional<String> action(String question) {
        Matcher passive = PASSIVE.matcher(normal(question));
        if (passive.matches()) {
            String verb = passive.group(2);
            boolean phrasal = passive.group(3) != null; // "set up", "called off": the verb before the particle
            return phrasal || PARTICIPLE.matcher(verb).matches() || IRREGULAR_FORMS.contains(verb) ? Optional.of(verb)
                    : Optional.empty();
        }
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(normal(question));
        while (word.find()) {
            words.add(word.group());
        }
        int at = 1;
        if (words.size() < 2 || !words.get(0).equals("who")) {
            return Optional.empty();
        }
        if (AUXILIARIES.contains(words.get(at))) {
            at++;
            if (at >= words.size() || !SUBJECT_PRONOUNS.contains(words.get(at))) {
                return Optional.empty();
            }
            at++;
        }
        while (at < words.size() && (ADVERBS.contains(words.get(at)) || words.get(at).endsWith("ly"))) {
            at++;
        }
        return at < words.size() && !AUXILIARIES.contains(words.get(at)) ? Optional.of(words.get(at)) : Optional.empty();
    }

    private static String normal(String question) {
        return question.strip().toLowerCase(Locale.ROOT);
    }
}
