package io.github.groundedbot.answer;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Sentence splitting and the shape checks the answerer needs. */
final class Sentences {

    private static final Pattern TIME = Pattern.compile(
            "\\b(1[5-9]\\d\\d|20\\d\\d|\\d{1,2}(st|nd|rd|th)|january|february|march|april|may|june|july|august"
                    + "|september|october|november|december|spring|summer|autumn|fall|winter|century|decade"
                    + "|yesterday|today|ago|since)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern QUANTITY = Pattern.compile(
            "\\d|\\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty"
                    + "|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens|several"
                    + "|few|many|most|half|both)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern REASON = Pattern.compile(
            "\\b(because|after|since|due to|owing to|reasons?|caused?|as a result|so that|in order to|therefore|thus"
                    + "|lacks?|lacking|leads? to|led to|thanks to|comes? from|came from|named (after|for)"
                    + "|(takes?|took|gets?|got|draws?|drew) (its|their|his|her|the) (name|colou?r))\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PURPOSE = Pattern.compile(
            "\\b(use[ds]?|using|utili[sz]e[ds]?|employ(s|ed|ing)?|relies on|relying on)\\b.*\\bto\\b|\\bin order to\\b"
                    + "|\\bso that\\b|\\bpurpose\\b|\\b(used|uses|use) for\\b|\\bto (help|allow|enable|make|build|create)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A sentence that opens like this leans on the one before it. */
    private static final Pattern ANAPHORIC_START = Pattern.compile(
            "^(this|these|that|those|it|its|they|their|them|he|she|his|her|such|the (company|companies|firm|group|move|step|ban|model|country))\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern ABBREVIATION_END = Pattern.compile(
            "(\\b\\p{Lu}|\\b(Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Mt|No|vs|etc|e\\.g|i\\.e|Inc|Ltd|Co|Corp|Gen|Gov|Sen|Rep"
                    + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec))\\.$");

    private Sentences() {
    }

    static List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        for (String paragraph : text.split("\\n\\s*\\n")) {
            BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ENGLISH);
            iterator.setText(paragraph);
            int start = iterator.first();
            StringBuilder pending = new StringBuilder();
            for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
                pending.append(paragraph, start, end);
                // The break iterator splits after initials and abbreviations ("Susan B. Anthony").
                if (end < paragraph.length() && ABBREVIATION_END.matcher(pending.toString().stripTrailing()).find()) {
                    continue;
                }
                String sentence = pending.toString().strip();
                if (!sentence.isEmpty()) {
                    sentences.add(sentence);
                }
                pending.setLength(0);
            }
            if (!pending.toString().isBlank()) {
                sentences.add(pending.toString().strip());
            }
        }
        return sentences;
    }

    static boolean mentionsTime(String sentence) {
        return TIME.matcher(sentence).find();
    }

    static boolean givesReason(String sentence) {
        return REASON.matcher(sentence).find();
    }

    static boolean givesPurpose(String sentence) {
        return PURPOSE.matcher(sentence).find();
    }

    static boolean leansOnPrevious(String sentence) {
        return ANAPHORIC_START.matcher(sentence).find();
    }

    /** A number in the sentence that the question did not bring itself ("How many … in 1903?"). */
    static boolean mentionsQuantity(String sentence, String question) {
        var numbers = QUANTITY.matcher(sentence);
        while (numbers.find()) {
            String number = numbers.group().toLowerCase(Locale.ROOT);
            if (number.chars().allMatch(Character::isDigit)) {
                // extend a digit to the whole number it starts
                int end = numbers.end();
                while (end < sentence.length() && Character.isDigit(sentence.charAt(end))) {
                    end++;
                }
                number = sentence.substring(numbers.start(), end);
                if (numbers.start() > 0 && Character.isDigit(sentence.charAt(numbers.start() - 1))) {
                    continue;
                }
            }
            if (!question.toLowerCase(Locale.ROOT).matches("(?s).*\\b" + Pattern.quote(number) + "\\b.*")) {
                return true;
            }
        }
        return false;
    }

    /** "Text." and 1 give "Text [1]." so the marker sits inside the sentence it supports. */
    static String cite(String sentence, int marker) {
        String tag = " [" + marker + "]";
        int end = sentence.length();
        if (end > 1 && ".!?".indexOf(sentence.charAt(end - 1)) >= 0) {
            return sentence.substring(0, end - 1) + tag + sentence.substring(end - 1);
        }
        return sentence + tag;
    }
}
