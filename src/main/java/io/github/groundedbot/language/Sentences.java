package io.github.groundedbot.language;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Sentence splitting, and whether a sentence leans on the one before it. */
public final class Sentences {

    /** A sentence that opens like this leans on the one before it ({@code leaning-starts.txt}). */
    private static final Pattern LEANING_START = Pattern.compile(
            "^" + WordList.load("leaning-starts").alternation() + "\\b", Pattern.CASE_INSENSITIVE);
    /** A sentence holding one of these anywhere ({@code leaning-words.txt}) leans on the one before it too. */
    private static final Pattern LEANING_WORD = WordList.load("leaning-words").wholeWords();
    /** A full stop after an initial or an abbreviation ({@code abbreviations.txt}) does not end a sentence. */
    private static final Pattern ABBREVIATION_END = Pattern.compile(
            "(\\b\\p{Lu}|\\b" + WordList.load("abbreviations").alternation() + ")\\.$");
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");

    private Sentences() {
    }

    /** The sentences of a text, paragraph by paragraph, without breaking after initials or abbreviations. */
    public static List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        for (String paragraph : PARAGRAPH_BREAK.split(text)) {
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

    /** "This made…", "They…", "Websites use these certificates": the sentence needs the one before it to be understood. */
    public static boolean leansOnPrevious(String sentence) {
        return LEANING_START.matcher(sentence).find() || LEANING_WORD.matcher(sentence).find();
    }
}
