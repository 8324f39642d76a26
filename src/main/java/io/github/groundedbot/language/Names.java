package io.github.groundedbot.language;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the names in a text without a tagger: capitalised words after the first, acronyms, camel
 * case and words with digits ("01.AI", "Yi-34B"), with neighbouring capitalised words joined
 * ("Charcoal Typhoon"). The first word is capitalised by grammar, so it counts only when its
 * shape says it is a name.
 */
public final class Names {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}.'’\\-]*[\\p{L}\\p{N}]|[\\p{L}\\p{N}]");
    /** "China-affiliated", "US-based": an adjective built on a name describes, it does not name. */
    private static final Pattern DESCRIPTIVE = Pattern.compile("-" + WordList.load("descriptive-suffixes").alternation() + "$");
    private static final Set<String> NOT_NAMES = Set.of("I", "I'm", "I've", "I'd", "OK");
    /** A number standing alone: "7", "4.0", "1,000"; not part of a word such as "Yi-34B" or "HTTP/2". */
    private static final Pattern ACRONYM = Pattern.compile("\\p{Lu}{2,6}s?");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}./-])\\d+(?:[.,]\\d+)*(?![\\p{L}\\p{N}/-])");

    private Names() {
    }

    /** A lower-case token joined by a hyphen or underscore, or holding a digit: "allkeys-lru", "max_memory", "v2". */
    private static final Pattern IDENTIFIER = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?=[\\p{Ll}\\p{N}_-]*[\\p{Ll}])(?=[\\p{Ll}\\p{N}_-]*[\\p{N}_]|[\\p{Ll}]+-[\\p{Ll}]+-)"
                    + "[\\p{Ll}\\p{N}]+(?:[_-][\\p{Ll}\\p{N}]+)*(?![\\p{L}\\p{N}])");

    /**
     * Lower-case identifiers, which name things as surely as capitalised words do: tokens holding a digit
     * or an underscore ("allkeys_lru", "gpt4"), or joined by two hyphens or more ("allkeys-lru-mode").
     */
    public static List<String> identifiers(String text) {
        return distinct(IDENTIFIER, text);
    }

    /** "exit code 7", "version 4.0": a number a question names; the facts must know it to answer about it. */
    public static List<String> numbers(String text) {
        return distinct(NUMBER, text);
    }

    /** Each text the pattern finds, once, in the order first found. */
    private static List<String> distinct(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            if (!found.contains(matcher.group())) {
                found.add(matcher.group());
            }
        }
        return found;
    }

    public static List<String> in(String text) {
        return in(text, false);
    }

    /** The acronyms among the names of a text, in lower case: "FOI", "CDs"; a fact may spell them out. */
    public static Set<String> acronyms(String text) {
        Set<String> acronyms = new HashSet<>();
        for (String name : in(text)) {
            for (String word : name.split(" ")) {
                if (ACRONYM.matcher(word).matches()) {
                    acronyms.add(word.toLowerCase(Locale.ROOT));
                }
            }
        }
        return acronyms;
    }

    /**
     * Like {@link #in(String)}, but a capitalised word opening a sentence counts too unless it is
     * a stop word: for finding, in an answer, the names a lower-case question asked about.
     */
    public static List<String> capitalised(String text) {
        return in(text, true);
    }

    private static List<String> in(String text, boolean sentenceStartsToo) {
        List<String> names = new ArrayList<>();
        Matcher tokens = TOKEN.matcher(text);
        StringBuilder current = new StringBuilder();
        int lastEnd = -1;
        boolean first = true;
        while (tokens.find()) {
            String token = tokens.group();
            boolean adjacent = lastEnd >= 0 && tokens.start() - lastEnd == 1 && text.charAt(lastEnd) == ' ';
            boolean start = first || startsSentence(text, tokens.start());
            boolean name = isName(token, start) || sentenceStartsToo && start && Character.isUpperCase(token.charAt(0))
                    && !TextAnalyzer.isStopWord(token.toLowerCase(Locale.ROOT));
            if (name) {
                if (current.length() > 0 && adjacent) {
                    current.append(' ').append(token);
                } else {
                    flush(current, names);
                    current.append(token);
                }
            } else {
                flush(current, names);
            }
            lastEnd = tokens.end();
            first = false;
        }
        flush(current, names);
        return names;
    }

    private static void flush(StringBuilder current, List<String> names) {
        if (current.length() > 0) {
            String name = current.toString();
            if (!names.contains(name)) {
                names.add(name);
            }
            current.setLength(0);
        }
    }

    private static boolean startsSentence(String text, int at) {
        int i = at - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i < 0 || ".!?:".indexOf(text.charAt(i)) >= 0;
    }

    /** A token is a name by its shape: digits, two capitals, a capital inside it, or one where grammar does not put one. */
    public static boolean isName(String token, boolean sentenceStart) {
        if (NOT_NAMES.contains(token)) {
            return false;
        }
        // One pass over the characters: this runs for every word of every question and answer.
        boolean letters = false;
        boolean digits = false;
        boolean innerCapital = false; // "mySociety", "iPhone", "eBay": a brand wherever it stands
        int upper = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            letters |= Character.isLetter(c);
            digits |= Character.isDigit(c);
            upper += Character.isUpperCase(c) ? 1 : 0;
            innerCapital |= i > 0 && Character.isUpperCase(c) && Character.isLowerCase(token.charAt(i - 1));
        }
        if (!letters || DESCRIPTIVE.matcher(token).find()) {
            return false; // a bare number is a quantity, not a name
        }
        if (digits || upper >= 2 || innerCapital) {
            return true;
        }
        return !sentenceStart && Character.isUpperCase(token.charAt(0));
    }
}
