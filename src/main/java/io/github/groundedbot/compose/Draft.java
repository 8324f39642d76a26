package io.github.groundedbot.compose;

import io.github.groundedbot.grounding.Evidence;
import io.github.groundedbot.knowledge.Snippet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A composed answer: its sentences, each ending with the marker of the snippet it comes from, and
 * the evidence cited, in marker order ({@code [1]} is the first). Both composers produce this.
 */
public record Draft(List<String> sentences, List<Evidence> cited) {

    public Draft {
        sentences = List.copyOf(sentences);
        cited = List.copyOf(cited);
    }

    public String text() {
        return String.join(" ", sentences);
    }

    /** A sentence quoted from the snippet of some evidence. */
    public record Quote(String sentence, Evidence evidence) {
    }

    /** Numbers the quoted snippets in order of first use and puts each marker in its sentence. */
    public static Draft cite(List<Quote> quotes) {
        Map<Snippet, Integer> markers = new LinkedHashMap<>();
        Map<Snippet, Evidence> evidence = new LinkedHashMap<>();
        List<String> sentences = new ArrayList<>();
        for (Quote quote : quotes) {
            Snippet snippet = quote.evidence().candidate().snippet();
            int marker = markers.computeIfAbsent(snippet, s -> markers.size() + 1);
            evidence.putIfAbsent(snippet, quote.evidence());
            sentences.add(marked(quote.sentence(), marker));
        }
        return new Draft(sentences, List.copyOf(evidence.values()));
    }

    /** "Text." and 1 give "Text [1]." so the marker sits inside the sentence it supports. */
    public static String marked(String sentence, int marker) {
        String tag = " [" + marker + "]";
        int end = sentence.length();
        if (end > 1 && ".!?".indexOf(sentence.charAt(end - 1)) >= 0) {
            return sentence.substring(0, end - 1) + tag + sentence.substring(end - 1);
        }
        return sentence + tag;
    }
}
