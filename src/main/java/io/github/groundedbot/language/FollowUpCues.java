package io.github.groundedbot.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The wording that ties a question to the turn before it: pronouns, ellipsis, "tell me more". */
public final class FollowUpCues {

    /** Pronouns and demonstratives that point back at an earlier turn ({@code points-back.txt}). */
    private static final Pattern POINTS_BACK = Pattern.compile("\\b" + WordList.load("points-back").alternation() + "\\b");
    /** "Is there a ban…?", "are there limits…?": an existential "there" points at nothing. */
    private static final Pattern EXISTENTIAL_THERE = Pattern.compile(
            "\\b(is|are|was|were|will|would|could|can|has|have|had|isn't|aren't|wasn't) there\\b|\\bthere (is|are|was|were|will|has|have)\\b");
    private static final Pattern SINGULAR = Pattern.compile("\\b(it|its|it's)\\b");
    private static final Pattern PLURAL = Pattern.compile("\\b(they|them|their|theirs|these|those)\\b");
    /** Ellipsis: "and when?", "what about Huawei?", "why?", "how so?". */
    private static final Pattern ELLIPSIS = Pattern.compile(
            "^(and|also|so|but|what about|how about|and what about)\\b"
                    + "|^(who|what|when|where|why|how|which)( else| so| exactly| then)?[?!.\\s]*$");
    private static final Pattern MORE = Pattern.compile("^" + WordList.load("more-requests").alternation()
            + "( please)?( about (it|that|this|them))?[?!.\\s]*$");
    private static final Set<String> NOT_SUBJECTS = WordList.load("not-subjects").asSet();
    /** No letter or digit just before a mentioned name, nor just after it. */
    private static final Pattern NO_WORD_BEFORE = Pattern.compile("(?<![\\p{L}\\p{N}])");
    private static final Pattern NO_WORD_AFTER = Pattern.compile("(?![\\p{L}\\p{N}])");

    private FollowUpCues() {
    }

    /** "Tell me more", "what else?": the next facts on the same subject. */
    public static boolean asksForMore(String question) {
        return MORE.matcher(normal(question)).matches();
    }

    /** A pronoun or demonstrative that needs an earlier turn to be understood ("Who released it?"). */
    public static boolean pointsBack(String question) {
        return POINTS_BACK.matcher(EXISTENTIAL_THERE.matcher(normal(question)).replaceAll(" ")).find();
    }

    /** An ellipsis that only makes sense after another question ("and when?", "what about X?"). */
    public static boolean isEllipsis(String question) {
        return ELLIPSIS.matcher(normal(question)).find();
    }

    /** A lone "it" (and no plural pronoun) points at one thing. */
    public static boolean pointsAtOne(String question) {
        String text = normal(question);
        return SINGULAR.matcher(text).find() && !PLURAL.matcher(text).find();
    }

    /** The names a text is about, for carrying into the next turn: names except months and days. */
    public static List<String> subjects(String text) {
        List<String> subjects = new ArrayList<>();
        for (String name : Names.in(text)) {
            if (isSubject(name) && !subjects.contains(name)) {
                subjects.add(name);
            }
        }
        return subjects;
    }

    /** False for capitalised words that are never a subject to carry over (months, days). */
    public static boolean isSubject(String name) {
        return !NOT_SUBJECTS.contains(name);
    }

    /** True when the name appears in the text as a whole word, any case. */
    public static boolean mentions(String text, String name) {
        return WholeWords.find(normal(text), name.toLowerCase(Locale.ROOT), NO_WORD_BEFORE, NO_WORD_AFTER);
    }

    static String normal(String question) {
        return question.strip().toLowerCase(Locale.ROOT).replace('’', '\'');
    }
}
