package io.github.groundedbot.llm;

import io.github.groundedbot.compose.Draft;
import io.github.groundedbot.grounding.Evidence;
import io.github.groundedbot.language.Sentences;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Verifies an LLM reply sentence by sentence before anyone sees it. A sentence stays only when it
 * cites at least one snippet, cites nothing but the snippets it was given ({@code [S1]} is the
 * first), answers rather than talks about the snippets, and passes the {@link ClaimCheck} against
 * the snippets it cites. Kept sentences get the extractive composer's markers: 1-based, in order of
 * first use, so clients see one format. Not thread-safe: one per reply.
 */
final class CitedReply {

    /** Same budget as the extractive answer. */
    static final int MAX_CHARS = 600;
    /** Fewer words than this say nothing worth a citation ("Yes [S1]."). */
    private static final int MIN_WORDS = 3;

    private static final Pattern BRACKET = Pattern.compile("\\[([^\\]]*)\\]");
    private static final Pattern ID_LIST = Pattern.compile("\\s*S\\d+\\s*([,;]\\s*S\\d+\\s*)*", Pattern.CASE_INSENSITIVE);
    private static final Pattern ID = Pattern.compile("S(\\d+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern LEADING_MARKERS = Pattern.compile("^((?:\\[[^\\]]*\\][.!?]?\\s*)+)(.*)$", Pattern.DOTALL);
    /** Talk about the sources or a refusal is not an answer, even with a marker on it. */
    private static final Pattern META = Pattern.compile(
            "\\bsnippets?\\b|" + Prompts.NO_ANSWER + "|\\b(I|we) (do not|don't|cannot|can't|am unable|have no)\\b"
                    + "|\\bas an ai\\b|\\b(does not|doesn't|do not|don't) (say|mention|answer|specify|state)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A list item's bullet or number is layout, not content: it is dropped, the item is checked. */
    private static final Pattern LIST_ITEM = Pattern.compile("^([-*•]|\\d+[.)])\\s+");
    private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile("\\s+([.,;:!?])");
    private static final Pattern SPACES = Pattern.compile("\\s{2,}");

    private final List<Evidence> snippets;
    private final ClaimCheck claims;
    private final Map<Integer, Integer> markers = new LinkedHashMap<>();
    private final List<String> kept = new ArrayList<>();
    private final List<Rejection> rejections = new ArrayList<>();
    private boolean sawMarker;

    /** @param snippets the snippets as given to the model: {@code S1} is the first */
    CitedReply(List<Evidence> snippets, ClaimCheck claims) {
        this.snippets = List.copyOf(snippets);
        this.claims = claims;
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
        String text = LIST_ITEM.matcher(sentence.strip()).replaceFirst("");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Set<Integer> cited = new LinkedHashSet<>();
        boolean unknown = false;
        StringBuilder withoutIds = new StringBuilder();
        Matcher brackets = BRACKET.matcher(text);
        while (brackets.find()) {
            sawMarker = true;
            if (!ID_LIST.matcher(brackets.group(1)).matches()) {
                unknown = true; // "[1]", "[source]", a markdown link's text: not an id we gave
                brackets.appendReplacement(withoutIds, Matcher.quoteReplacement(brackets.group()));
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
            brackets.appendReplacement(withoutIds, "");
        }
        brackets.appendTail(withoutIds);
        List<Evidence> sources = cited.stream().map(snippets::get).toList();
        String plain = tidy(BRACKET.matcher(text).replaceAll(""));
        Optional<Rejection> rejected = cited.isEmpty() ? Optional.of(unknown ? Rejection.UNKNOWN_SOURCE : Rejection.UNCITED)
                : claims.bringsLinkOrMarkup(tidy(withoutIds.toString()), sources) ? Optional.of(Rejection.LINK_OR_MARKUP)
                : unknown ? Optional.of(Rejection.UNKNOWN_SOURCE)
                : plain.split("\\s+").length < MIN_WORDS || META.matcher(plain).find() ? Optional.of(Rejection.NOT_AN_ANSWER)
                : claims.check(plain, sources);
        if (rejected.isPresent()) {
            rejections.add(rejected.get());
            return Optional.empty();
        }
        // Number the markers without committing: a sentence over the budget must not take a number.
        Map<Integer, Integer> numbering = new LinkedHashMap<>(markers);
        List<Integer> numbers = cited.stream().map(i -> numbering.computeIfAbsent(i, k -> numbering.size() + 1)).toList();
        String shown = cite(plain, numbers);
        if (length() + (kept.isEmpty() ? 0 : 1) + shown.length() > MAX_CHARS) {
            rejections.add(Rejection.OVER_BUDGET);
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

    /** Why each dropped sentence was dropped, in order. */
    List<Rejection> rejections() {
        return List.copyOf(rejections);
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

    /** Without the space a removed marker left before the full stop, or doubled between words. */
    private static String tidy(String text) {
        return SPACES.matcher(SPACE_BEFORE_PUNCTUATION.matcher(text).replaceAll("$1")).replaceAll(" ").strip();
    }

    private int length() {
        return kept.isEmpty() ? 0 : String.join(" ", kept).length();
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
