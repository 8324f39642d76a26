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
                    + "|lacks?|lacking|leads? to|led to|thanks to)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A sentence that opens like this leans on the one before it. */
    private static final Pattern ANAPHORIC_START = Pattern.compile(
            "^(this|these|that|those|it|its|they|their|them|he|she|his|her|such|the (company|companies|firm|group|move|step|ban|model|country))\\b",
            Pattern.CASE_INSENSITIVE);

    private Sentences() {
    }

    static List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        for (String paragraph : text.split("\\n\\s*\\n")) {
            BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ENGLISH);
            iterator.setText(paragraph);
            int start = iterator.first();
            for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
                String sentence = paragraph.substring(start, end).strip();
                if (!sentence.isEmpty()) {
                    sentences.add(sentence);
                }
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

    static boolean leansOnPrevious(String sentence) {
        return ANAPHORIC_START.matcher(sentence).find();
    }

    static boolean mentionsQuantity(String sentence) {
        return QUANTITY.matcher(sentence).find();
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
