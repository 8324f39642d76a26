package io.github.groundedbot.conversation;

import io.github.groundedbot.query.Names;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rule-based follow-up resolution: "Who released it?" after "What is Yi-34B?" is searched with
 * the subject carried over, as "Who released it? Yi-34B". A question that stands alone is left exactly as it is, so a new
 * topic never drags the old one in.
 */
public final class FollowUps {

    /** Pronouns and demonstratives that point back at an earlier turn. */
    private static final Pattern POINTS_BACK = Pattern.compile(
            "\\b(it|its|it's|they|them|their|theirs|this|that|these|those|he|him|his|she|her|hers|there|then"
                    + "|the (company|companies|firm|model|ban|plan|country|group|startup|report))\\b");
    private static final Pattern SINGULAR = Pattern.compile("\\b(it|its|it's)\\b");
    private static final Pattern PLURAL = Pattern.compile("\\b(they|them|their|theirs|these|those)\\b");
    /** Ellipsis: "and when?", "what about Huawei?", "why?", "how so?". */
    private static final Pattern ELLIPSIS = Pattern.compile(
            "^(and|also|so|but|what about|how about|and what about)\\b"
                    + "|^(who|what|when|where|why|how|which)( else| so| exactly| then)?[?!.\\s]*$");
    private static final Pattern MORE = Pattern.compile(
            "^(tell me more|more|what else|anything else|go on|continue|keep going|more please|say more"
                    + "|what more|and\\?|more details?|more info(rmation)?)( please)?( about (it|that|this|them))?[?!.\\s]*$");
    private static final Set<String> NOT_SUBJECTS = Set.of("January", "February", "March", "April", "May", "June",
            "July", "August", "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday",
            "Thursday", "Friday", "Saturday", "Sunday");
    private static final int MAX_SUBJECTS = 4;
    private static final int MAX_CARRIED = 3;

    private FollowUps() {
    }

    /**
     * How a question relates to the conversation so far.
     *
     * @param query    the text to search: the question, or for "tell me more" the previous query
     * @param subjects names carried over from earlier turns (empty for a standalone question)
     */
    public record Reading(Kind kind, String query, List<String> subjects) {
        /** What the user sees of how the question was read. */
        public String resolved() {
            return subjects.isEmpty() ? query : query + " (" + String.join(", ", subjects) + ")";
        }

        public enum Kind { STANDALONE, FOLLOW_UP, MORE }
    }

    public static boolean asksForMore(String question) {
        return MORE.matcher(normal(question)).matches();
    }

    public static Reading read(String question, Optional<Turn> previous) {
        List<String> own = subjects(question);
        if (previous.isEmpty()) {
            return new Reading(Reading.Kind.STANDALONE, question, List.of());
        }
        Turn last = previous.get();
        if (asksForMore(question)) {
            return new Reading(Reading.Kind.MORE, last.query(), last.carried());
        }
        String text = normal(question);
        // A pronoun with at most one name of its own ("What did ByteDance use it for?") leans on the
        // last turn; a question with names and no pronoun is a new topic and is left alone.
        boolean followUp = POINTS_BACK.matcher(text).find() && own.size() <= 1 || ELLIPSIS.matcher(text).find();
        if (!followUp || last.subjects().isEmpty()) {
            return new Reading(Reading.Kind.STANDALONE, question, List.of());
        }
        // The last turn's first subjects: more would pull retrieval back to the last answer. A lone
        // "it" points at one thing, the subject the last question asked about.
        int limit = SINGULAR.matcher(text).find() && !PLURAL.matcher(text).find() ? 1 : MAX_CARRIED;
        List<String> carried = last.subjects().stream()
                .filter(subject -> !containsWord(text, subject))
                .limit(limit)
                .toList();
        return new Reading(Reading.Kind.FOLLOW_UP, question, carried);
    }

    /**
     * The names a finished turn was about, to carry into a follow-up: names from the answer that
     * the question asked about (even typed in lower case), then the question's own names, then
     * what this turn carried, then the rest of the answer's lead sentence.
     */
    public static List<String> subjectsOf(String question, List<String> carried, String answerLead) {
        String asked = normal(question);
        List<String> ordered = new ArrayList<>();
        Names.capitalised(answerLead).stream()
                .filter(name -> containsWord(asked, name) && !NOT_SUBJECTS.contains(name))
                .forEach(ordered::add);
        ordered.addAll(subjects(question));
        ordered.addAll(carried);
        ordered.addAll(subjects(answerLead));
        // One entry per name, whatever its case ("yi-34b" typed, "Yi-34B" in the answer): keep the first.
        Set<String> seen = new java.util.HashSet<>();
        return ordered.stream()
                .filter(name -> seen.add(name.toLowerCase(Locale.ROOT)))
                .limit(MAX_SUBJECTS)
                .toList();
    }

    private static boolean containsWord(String lowerText, String name) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name.toLowerCase(Locale.ROOT)) + "(?![\\p{L}\\p{N}])")
                .matcher(lowerText).find();
    }

    /** The names a text is about, for carrying into the next turn. */
    public static List<String> subjects(String text) {
        List<String> subjects = new ArrayList<>();
        for (String name : Names.in(text)) {
            if (!NOT_SUBJECTS.contains(name) && !subjects.contains(name)) {
                subjects.add(name);
            }
        }
        return subjects;
    }

    private static String normal(String question) {
        return question.strip().toLowerCase(Locale.ROOT).replace('’', '\'');
    }
}
