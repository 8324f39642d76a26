package io.github.groundedbot.language;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The acronyms of the multi-word names a text spells out: "International Space Station" gives
 * "ISS", "Department of Energy" gives "DE" and "DOE". A name is a run of at least two capitalised
 * words, possibly joined by connectors ({@code name-connectors.txt}); a stop word opening the run
 * ("The") is not part of the name.
 */
public final class Acronyms {

    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’]*|[^\\p{L}\\s]+");
    private static final Set<String> CONNECTORS = WordList.load("name-connectors").asSet();
    /** Shortest acronym kept: one letter names nothing. */
    private static final int MIN_LETTERS = 2;

    private Acronyms() {
    }

    /** Each acronym of a name in the text, with the name it stands for, in order of appearance. */
    public static Map<String, String> in(String text) {
        Map<String, String> found = new LinkedHashMap<>();
        List<String> run = new ArrayList<>();
        Matcher words = WORD.matcher(text);
        int lastEnd = 0;
        while (words.find()) {
            String word = words.group();
            boolean joined = text.substring(lastEnd, words.start()).equals(" ");
            lastEnd = words.end();
            if (!joined) {
                add(run, found);
            }
            if (isCapitalised(word)) {
                if (run.isEmpty() && TextAnalyzer.isStopWord(word.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                run.add(word);
            } else if (!run.isEmpty() && CONNECTORS.contains(word)) {
                run.add(word);
            } else {
                add(run, found);
            }
        }
        add(run, found);
        return found;
    }

    private static void add(List<String> run, Map<String, String> found) {
        while (!run.isEmpty() && CONNECTORS.contains(run.get(run.size() - 1))) {
            run.remove(run.size() - 1);
        }
        long capitalised = run.stream().filter(Acronyms::isCapitalised).count();
        if (capitalised >= MIN_LETTERS) {
            String name = String.join(" ", run);
            StringBuilder initials = new StringBuilder();
            StringBuilder withConnectors = new StringBuilder();
            for (String word : run) {
                char initial = Character.toUpperCase(word.charAt(0));
                withConnectors.append(initial);
                if (isCapitalised(word)) {
                    initials.append(initial);
                }
            }
            found.putIfAbsent(initials.toString(), name);
            found.putIfAbsent(withConnectors.toString(), name);
        }
        run.clear();
    }

    /** "Station", "McDonald": a capital, then not all capitals ("NASA" is an acronym already). */
    private static boolean isCapitalised(String word) {
        return word.length() > 1 && Character.isUpperCase(word.charAt(0))
                && word.chars().skip(1).anyMatch(Character::isLowerCase);
    }
}
