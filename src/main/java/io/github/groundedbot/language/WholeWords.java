package io.github.groundedbot.language;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a literal word in a text where a zero-width condition holds on each side of it, as
 * {@code EDGE + Pattern.quote(word) + EDGE} would, without compiling a pattern per word: the
 * answer path asks this for every number and name it meets.
 */
final class WholeWords {

    private WholeWords() {
    }

    /**
     * True when {@code word} occurs in {@code text} with {@code before} matching (zero-width) at its
     * start and {@code after} at its end; both see the whole text, as they would inside one pattern.
     */
    static boolean find(String text, String word, Pattern before, Pattern after) {
        Matcher start = before.matcher(text).useTransparentBounds(true);
        Matcher end = after.matcher(text).useTransparentBounds(true);
        for (int at = text.indexOf(word); at >= 0; at = at < text.length() ? text.indexOf(word, at + 1) : -1) {
            if (start.region(at, text.length()).lookingAt()
                    && end.region(at + word.length(), text.length()).lookingAt()) {
                return true;
            }
        }
        return false;
    }
}
