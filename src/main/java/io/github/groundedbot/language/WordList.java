package io.github.groundedbot.language;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A word list kept as a resource under {@code language/en/}: one entry per line, blank lines and
 * lines starting with {@code #} ignored. Entries are words or regular-expression fragments, as the
 * file's header says.
 */
public final class WordList {

    private static final String FOLDER = "language/en/";

    private final String name;
    private final List<String> entries;

    private WordList(String name, List<String> entries) {
        this.name = name;
        this.entries = List.copyOf(entries);
    }

    /** Reads {@code language/en/<name>.txt} from the class path; a missing list is a packaging bug. */
    public static WordList load(String name) {
        String resource = FOLDER + name + ".txt";
        try (InputStream in = WordList.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Word list " + resource + " is missing from the class path");
            }
            List<String> entries = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String entry = line.strip();
                    if (!entry.isEmpty() && !entry.startsWith("#")) {
                        entries.add(entry);
                    }
                }
            }
            return new WordList(name, entries);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read word list " + resource, e);
        }
    }

    public List<String> entries() {
        return entries;
    }

    public Set<String> asSet() {
        return Set.copyOf(entries);
    }

    /** The entries as one alternation group, {@code (a|b|c)}; entries are regular-expression fragments. */
    public String alternation() {
        return "(" + String.join("|", entries) + ")";
    }

    /** Matches any entry as a whole word, ignoring case. */
    public Pattern wholeWords() {
        return Pattern.compile("\\b" + alternation() + "\\b", Pattern.CASE_INSENSITIVE);
    }

    @Override
    public String toString() {
        return name + entries;
    }
}
