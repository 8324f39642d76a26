package io.github.groundedbot.llm;

import io.github.groundedbot.knowledge.Snippet;
import io.github.groundedbot.language.Names;
import io.github.groundedbot.language.Sentences;
import io.github.groundedbot.grounding.Evidence;
import io.github.groundedbot.compose.Draft;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks an LLM reply sentence by sentence before anyone sees it. A sentence stays only when it
 * cites at least one snippet, cites nothing but the snippets it was given ({@code [S1]} is the
 * first), and brings no number or name that its cited snippets (or the question) do not hold.
 * Kept sentences get the extractive answerer's markers: 1-based, in order of first use, so
 * clients see one format. Not thread-safe: one per reply.
 */
final class CitedReply {

    /** What the model must reply, alone, when the snippets do not answer. */
    static final String NO_ANSWER = "NO_ANSWER";
    /** Same budget as the extractive answer. */
    static final int MAX_CHARS = 600;

    private static final Pattern BRACKET = Pattern.compile("\\[([^\\]]*)\\]");
    private static final Pattern ID_LIST = Pattern.compile("\\s*S\\d+\\s*([,;]\\s*S\\d+\\s*)*", Pattern.CASE_INSENSITIVE);
    private static final Pattern ID = Pattern.compile("S(\\d+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern LEADING_MARKERS = Pattern.compile("^((?:\\[[^\\]]*\\][.!?]?\\s*)+)(.*)$", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
    /** Talk about the sources or a refusal is not an answer, even with a marker on it. */
    private static final Pattern META = Pattern.compile(
            "\\bsnippets?\\b|NO_ANSWER|\\b(I|we) (do not|don't|cannot|can't|am unable|have no)\\b|\\bas an ai\\b"
                    + "|\\b(does not|doesn't|do not|don't) (say|mention|answer|specify|state)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LIST_ITEM = Pattern.compile("^([-*•]|\\d+[.)])\\s+");

    private final List<Evidence> snippets;
    private final String question;
    private final Map<Integer, Integer> markers = new LinkedHashMap<>();
    private final List<String> kept = new ArrayList<>();
    private int dropped;
    private boolean sawMarker;

    /** @param snippets the snippets as given to the model: {@code S1} is the first */
    CitedReply(List<Evidence> snippets, String question) {
        this.snippets = List.copyOf(snippets);
        this.question = question.toLowerCase(Locale.ROOT);
    }

    /** The sentences of a reply, with markers written after the full stop joined to their sentence. */
    static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        for (String piece : Sentences.split(text.strip())) {
            Matcher leading = LEADING_MARKERS.matcher(piece);
            // No sentence starts with a citation: markers opening a piece belong to the sentence before.
            if (!sentences.isEmpty() && leading.matches()) {
                sentences.set(sentences.size() - 1, sentences.get(sentences.size() - 1) + " " + leading.group(1).strip());
                piece = leading.group(2).strip();
            }
            if (!piece.isEmpty()) {
                sentences.add(piece);
            }
        }
        return sentences;
    }

    /** Verifies one sentence: the sentence to show, with numbered markers, or empty when it is dropped. */
    Optional<String> accept(String sentence) {
        String text = LIST_ITEM.matcher(sentence.strip().replace("**", "")).replaceFirst("");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Set<Integer> cited = new LinkedHashSet<>();
        boolean unknown = false;
        Matcher brackets = BRACKET.matcher(text);
        while (brackets.find()) {
            sawMarker = true;
            if (!ID_LIST.matcher(brackets.group(1)).matches()) {
                unknown = true; // "[1]", "[source]": not an id we gave
                continue;
            }
            Matcher id = ID.matcher(brackets.group(1));
            while (id.find()) {
                int n = Integer.parseInt(id.group(1));
                if (n < 1 || n > snippets.size()) {
                    unknown = true;
                } else {
                    cited.add(n - 1);
                }
            }
        }
        String plain = BRACKET.matcher(text).replaceAll("")
                .replaceAll("\\s+([.,;:!?])", "$1").replaceAll("\\s{2,}", " ").strip();
        if (unknown || cited.isEmpty() || plain.split("\\s+").length < 3 || META.matcher(plain).find()
                || !supported(plain, cited)) {
            dropped++;
            return Optional.empty();
        }
        // Number the markers without committing: a sentence over the budget must not take a number.
        Map<Integer, Integer> numbering = new LinkedHashMap<>(markers);
        List<Integer> numbers = cited.stream().map(i -> numbering.computeIfAbsent(i, k -> numbering.size() + 1)).toList();
        String shown = cite(plain, numbers);
        if (length() + (kept.isEmpty() ? 0 : 1) + shown.length() > MAX_CHARS) {
            dropped++;
            return Optional.empty();
        }
        markers.clear();
        markers.putAll(numbering);
        kept.add(shown);
        return Optional.of(shown);
    }

    boolean isEmpty() {
        return kept.isEmpty();
    }

    int dropped() {
        return dropped;
    }

    /** Whether any sentence carried a marker at all: a reply without one ignored the format. */
    boolean sawMarker() {
        return sawMarker;
    }

    /** The kept sentences and the evidence they cite, in marker order. */
    Draft composed() {
        List<Evidence> cited = markers.keySet().stream().map(snippets::get).toList();
        return new Draft(List.copyOf(kept), cited);
    }

    private int length() {
        return kept.isEmpty() ? 0 : String.join(" ", kept).length();
    }

    /** Numbers and names must come from the cited snippets or the question: the model may not add facts. */
    private boolean supported(String sentence, Set<Integer> cited) {
        StringBuilder source = new StringBuilder(question);
        for (int i : cited) {
            Snippet snippet = snippets.get(i).candidate().snippet();
            source.append('\n').append(snippet.title()).append('\n').append(snippet.text());
        }
        String known = source.toString().toLowerCase(Locale.ROOT);
        Matcher numbers = NUMBER.matcher(sentence);
        while (numbers.find()) {
            if (!Pattern.compile("(?<![\\d.,])" + Pattern.quote(numbers.group()) + "(?![\\d])").matcher(known).find()) {
                return false;
            }
        }
        for (String name : Names.in(sentence)) {
            String bare = name.toLowerCase(Locale.ROOT).replaceAll("['’]s$", "");
            if (!known.contains(bare)) {
                return false;
            }
        }
        return true;
    }

    /** "Text." with markers 1 and 3 gives "Text [1][3]." like the extractive answer's markers. */
    private static String cite(String sentence, List<Integer> numbers) {
        StringBuilder tag = new StringBuilder(" ");
        numbers.forEach(n -> tag.append('[').append(n).append(']'));
        int end = sentence.length();
        if (".!?".indexOf(sentence.charAt(end - 1)) >= 0) {
            return sentence.substring(0, end - 1) + tag + sentence.substring(end - 1);
        }
        return sentence + tag + ".";
    }
}
