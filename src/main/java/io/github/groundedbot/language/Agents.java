package io.github.groundedbot.language;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a sentence says who did what a "who" question asks about: "Maurice Garin won the first Tour",
 * "the book by Ivan Ristić", "according to Wired". A sentence whose only names are the question's own
 * subject ("WhatDoTheyKnow helps people make requests" for "Who makes WhatDoTheyKnow?"), or stand far
 * from the act ("you can ask central government, Parliament or the NHS"), names no one who did it.
 */
public final class Agents {

    /** A doer named without the verb asked about stands among the sentence's first words ("In 1888 John Dunlop patented"). */
    static final int SUBJECT_WORDS = 6;

    private static final Pattern ROLE = WordList.load("agent-nouns").wholeWords();
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}.'’-]*[\\p{L}\\p{N}]|[\\p{L}\\p{N}]");
    /** "by Ivan Ristić", "according to Wired": the name right after these did or said it. */
    private static final Pattern ATTRIBUTION = Pattern.compile("\\b(by|according to)\\s+$", Pattern.CASE_INSENSITIVE);

    /** "who do I ask", "whom should we contact": the question's subject is the asker. */
    private static final Pattern ASKER_ACTS = Pattern.compile(
            "^whom?\\s+" + WordList.load("auxiliaries").alternation() + "\\s+" + WordList.load("subject-pronouns").alternation() + "\\b");

    private Agents() {
    }

    /**
     * True when the sentence names someone other than the question's subjects as the doer: a name or a role
     * ("the founders") before the verb asked about, among its first words when it words the act differently,
     * or a name credited with "by" or "according to".
     *
     * @param isAction true for a word of the sentence that is the verb asked about ("won" for "win")
     */
    public static boolean namesDoer(String sentence, String question, Predicate<String> isAction) {
        List<Word> words = words(sentence);
        int action = words.size();
        for (int i = 0; i < words.size(); i++) {
            if (isAction.test(words.get(i).text())) {
                action = i;
                break;
            }
        }
        // "Who do I ask?" asks whom the asker acts on: the answer names them after the verb ("ask the owner").
        int before = ASKER_ACTS.matcher(question.strip().toLowerCase(Locale.ROOT)).find() ? words.size()
                : action < words.size() ? action : Math.min(SUBJECT_WORDS, words.size());
        int limit = before < words.size() ? words.get(before).start() : sentence.length();
        Set<String> own = ownWords(question);
        List<String> names = new ArrayList<>(Names.in(sentence));
        // Grammar capitalises the first word, so it is a name only with the name it starts: "Maurice Garin".
        String opening = words.isEmpty() ? "" : words.get(0).text();
        if (words.size() > 1 && Character.isUpperCase(opening.charAt(0))
                && !TextAnalyzer.isStopWord(opening.toLowerCase(Locale.ROOT)) && Names.isName(words.get(1).text(), false)) {
            names.add(opening);
        }
        for (String name : names) {
            // "WhatDoTheyKnow Pro" is the question's own subject for "Who makes WhatDoTheyKnow?"
            if (List.of(name.toLowerCase(Locale.ROOT).split("\\s+")).stream().anyMatch(own::contains)) {
                continue;
            }
            int at = sentence.indexOf(name);
            if (at < limit || ATTRIBUTION.matcher(sentence.substring(0, at)).find()) {
                return true;
            }
        }
        Matcher role = ROLE.matcher(sentence);
        return role.find() && role.start() < limit;
    }

    /** True when the text credits someone other than the question's subjects: "by Ivan Ristić", "according to Wired". */
    public static boolean credits(String text, String question) {
        Set<String> own = ownWords(question);
        for (Word word : words(text)) {
            String token = word.text();
            if (Names.isName(token, false) && !own.contains(token.toLowerCase(Locale.ROOT))
                    && ATTRIBUTION.matcher(text.substring(0, word.start())).find()) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> ownWords(String question) {
        Set<String> own = new HashSet<>();
        Names.in(question).forEach(name -> own.addAll(List.of(name.toLowerCase(Locale.ROOT).split("\\s+"))));
        return own;
    }

    private static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            words.add(new Word(word.group(), word.start()));
        }
        return words;
    }

    /** A word of a text and where it starts. */
    private record Word(String text, int start) {
    }
}
