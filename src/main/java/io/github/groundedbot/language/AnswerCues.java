package io.github.groundedbot.language;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Whether a sentence holds the kind of answer a question asks for: a date, a number, a place, a cause, a purpose. */
public final class AnswerCues {

    private static final Pattern TIME = Pattern.compile(
            "\\b(1[5-9]\\d\\d|20\\d\\d|\\d{1,2}(st|nd|rd|th)|" + String.join("|", WordList.load("time-words").entries())
                    + ")\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern QUANTITY = Pattern.compile(
            "\\d|\\b" + WordList.load("number-words").alternation() + "\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR = Pattern.compile("1[5-9]\\d\\d|20\\d\\d");
    private static final Pattern REASON = WordList.load("reason-cues").wholeWords();
    private static final Pattern PLACE_WORD = WordList.load("place-words").wholeWords();
    /** A preposition of place, then up to two small words, then a capitalised word: "in Marin County", "on the Pacific rim". */
    private static final Pattern PLACE_NAME = Pattern.compile("(?i:\\b" + WordList.load("place-prepositions").alternation()
            + ")\\s+(?:\\p{Ll}+\\s+){0,2}(?<name>\\p{Lu}[\\p{L}'’-]*)");
    /** A file system path: "~/Library/Caches", "/usr/local"; not "HTTP/2", "and/or", "24/7" or "$5 /month". */
    private static final Pattern PATH = Pattern.compile(
            "(?<![\\p{L}\\p{N}/.~])(?:~/[\\p{L}\\p{N}._-]+|/[\\p{L}\\p{N}._-]+/[\\p{L}\\p{N}._-]+)");
    /** Capitalised words that name a time, not a place: "from January 2026". */
    private static final Set<String> TIME_NAMES = Set.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday");
    private static final Pattern PURPOSE = Pattern.compile(
            String.join("|", WordList.load("purpose-cues").entries()), Pattern.CASE_INSENSITIVE);
    /** A version number standing alone: "4.0", "v2", "17"; not the number inside "SHA-256" or "HTTP/3". */
    private static final Pattern VERSION_NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}./-])v?\\d++(?:\\.\\d++)*+(?![\\p{L}\\p{N}./-])");
    /** For each nameable kind, singular or plural: a number beside it ("port 990", "3 states"). */
    private static final Map<String, Pattern> NUMBER_BESIDE = numberBeside();
    private static final Pattern DIGIT = Pattern.compile("\\d");
    private static final String NOT_WORD = "[^\\p{L}\\p{N}]+";
    /** A word boundary, as {@code \\b} finds it; checked on each side of a number in the question. */
    private static final Pattern WORD_BOUNDARY = Pattern.compile("\\b");

    private AnswerCues() {
    }

    /** True when the sentence holds the kind of answer {@code expectation} asks for; {@link Expectation#AGENT} needs {@link Agents}. */
    public static boolean fits(Expectation expectation, String sentence, String question) {
        return switch (expectation) {
            case TIME -> mentionsTime(sentence);
            case QUANTITY -> mentionsQuantity(sentence, question);
            case PLACE -> givesPlace(sentence);
            case REASON -> givesReason(sentence);
            case PURPOSE -> givesPurpose(sentence);
            case VERSION -> givesVersion(sentence, question);
            case NAMED -> namesOne(sentence, question);
            case AGENT, ANY -> true; // who did it is read with the question's verb: see Agents

        };
    }

    public static boolean mentionsTime(String sentence) {
        return TIME.matcher(sentence).find();
    }

    /**
     * A word naming a kind of place ("in three large zones", "near the coast", "on our website"), a name
     * after a preposition of place ("on Hugging Face") or a file system path ("in ~/Library/Caches");
     * not "around the world" or "from January".
     */
    public static boolean givesPlace(String sentence) {
        if (PLACE_WORD.matcher(sentence).find() || PATH.matcher(sentence).find()) {
            return true;
        }
        Matcher named = PLACE_NAME.matcher(sentence);
        while (named.find()) {
            if (!TIME_NAMES.contains(named.group("name").toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A version number the question does not hold ("4.0", "Java 17"), or a name without digits that it does not
     * hold ("macOS Ventura"); "SHA-256" is neither.
     */
    public static boolean givesVersion(String sentence, String question) {
        String asked = question.toLowerCase(Locale.ROOT);
        Matcher number = VERSION_NUMBER.matcher(sentence);
        while (number.find()) {
            if (!WholeWords.find(asked, number.group(), WORD_BOUNDARY, WORD_BOUNDARY)) {
                return true;
            }
        }
        return otherName(Names.in(sentence), question, name -> !DIGIT.matcher(name).find());
    }

    /**
     * A name the question does not hold ("Project Healthy Children" for "Which charity …?"), or a number next to
     * the word asked about ("port 990" for "Which port …?"): a number elsewhere names nothing asked for.
     */
    public static boolean namesOne(String sentence, String question) {
        // A name may open the sentence here: "Huawei leads …" names a company.
        if (otherName(Names.capitalised(sentence), question, name -> true)) {
            return true;
        }
        Pattern beside = QuestionTypes.named(question).map(NUMBER_BESIDE::get).orElse(null);
        return beside != null && beside.matcher(sentence).find();
    }

    private static Map<String, Pattern> numberBeside() {
        Map<String, Pattern> patterns = new HashMap<>();
        for (String line : WordList.load("nameable-kinds").entries()) {
            String forms = "(?:" + String.join("|", line.split("\\s+")) + ")";
            Pattern pattern = Pattern.compile("(?i)\\b" + forms + "\\s+(?:number\\s+)?\\d|\\d[\\d.,]*\\s+" + forms + "\\b");
            Arrays.stream(line.split("\\s+")).forEach(form -> patterns.put(form, pattern));
        }
        return Map.copyOf(patterns);
    }

    /** One of the names with a word the question does not hold, among those {@code kept}. */
    private static boolean otherName(List<String> names, String question, Predicate<String> kept) {
        Set<String> asked = new HashSet<>(Arrays.asList(question.toLowerCase(Locale.ROOT).split(NOT_WORD)));
        for (String name : names) {
            if (kept.test(name) && !Arrays.stream(name.toLowerCase(Locale.ROOT).split(NOT_WORD))
                    .allMatch(asked::contains)) {
                return true;
            }
        }
        return false;
    }

    public static boolean givesReason(String sentence) {
        return REASON.matcher(sentence).find();
    }

    public static boolean givesPurpose(String sentence) {
        return PURPOSE.matcher(sentence).find();
    }

    /** A number in the sentence, not a year, that the question did not bring itself ("How many … in 1903?"). */
    public static boolean mentionsQuantity(String sentence, String question) {
        String asked = question.toLowerCase(Locale.ROOT);
        Matcher numbers = QUANTITY.matcher(sentence);
        while (numbers.find()) {
            String number = numbers.group().toLowerCase(Locale.ROOT);
            if (number.chars().allMatch(Character::isDigit)) {
                if (numbers.start() > 0 && Character.isDigit(sentence.charAt(numbers.start() - 1))) {
                    continue; // inside a number already looked at
                }
                int end = numbers.end(); // extend a digit to the whole number it starts
                while (end < sentence.length() && Character.isDigit(sentence.charAt(end))) {
                    end++;
                }
                number = sentence.substring(numbers.start(), end);
            }
            if (YEAR.matcher(number).matches()) {
                continue; // "founded in 1971" dates something; it does not count it
            }
            if (!WholeWords.find(asked, number, WORD_BOUNDARY, WORD_BOUNDARY)) {
                return true;
            }
        }
        return false;
    }
}
