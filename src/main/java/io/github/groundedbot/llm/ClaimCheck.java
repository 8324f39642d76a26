package io.github.groundedbot.llm;

import io.github.groundedbot.grounding.Evidence;
import io.github.groundedbot.grounding.SnippetTerms;
import io.github.groundedbot.knowledge.Snippet;
import io.github.groundedbot.language.Names;
import io.github.groundedbot.language.TextAnalyzer;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks what one sentence of an LLM reply brings against the snippets it cites, and nothing
 * else: the question is not evidence, so a word or a name the person typed supports nothing. A
 * sentence is rejected when it
 * <ol>
 *   <li>brings a URL, domain, e-mail address, markdown or HTML that its snippets do not contain;</li>
 *   <li>brings a name, number or date that its snippets do not contain;</li>
 *   <li>has too small a share of its content words (stemmed, stop words and everyday words aside)
 *       in its snippets;</li>
 *   <li>says the opposite of the snippet sentences it draws on ({@link Polarity}): "did not
 *       release" where the fact says "released", or the other way round.</li>
 * </ol>
 * Thread-safe.
 */
final class ClaimCheck {

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
    /** Something a reader could follow: a URL, a bare domain (with its path) or an e-mail address. */
    private static final Pattern LINK = Pattern.compile(
            "\\b[a-z][a-z0-9+.-]*://\\S+"
                    + "|\\b(?:mailto|javascript|data):\\S+"
                    + "|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+"
                    + "|\\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}\\b(?:/\\S*)?",
            Pattern.CASE_INSENSITIVE);
    /** Markdown and HTML: tags (and Slack's links and mentions), entities, links, emphasis, code, headings, quotes. */
    private static final Pattern MARKUP = Pattern.compile(
            "<[^>]*>|&#?\\w+;|\\]\\(|\\*|`|~~|(?<!\\w)_|_(?!\\w)|^#{1,6}\\s|^>\\s");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.,;:!?)\"'’]+$");
    private static final Pattern POSSESSIVE = Pattern.compile("['’]s$");

    private final SnippetTerms terms;
    private final Polarity polarity;
    private final double minSupportedShare;

    /**
     * @param minSupportedShare the least share of a sentence's content words its cited snippets must contain
     */
    ClaimCheck(SnippetTerms terms, TextAnalyzer analyzer, double minSupportedShare) {
        this.terms = terms;
        this.polarity = new Polarity(terms, analyzer);
        this.minSupportedShare = minSupportedShare;
    }

    /**
     * Whether the text brings a link or markup its cited snippets do not contain. Run on the sentence
     * as written (only the valid citation markers removed), so a markdown link is still whole.
     */
    boolean bringsLinkOrMarkup(String text, List<Evidence> cited) {
        String source = source(snippets(cited));
        Matcher links = LINK.matcher(text);
        while (links.find()) {
            if (!source.contains(lower(TRAILING_PUNCTUATION.matcher(links.group()).replaceAll("")))) {
                return true;
            }
        }
        Matcher markup = MARKUP.matcher(text);
        while (markup.find()) {
            if (!source.contains(lower(word(text, markup.start(), markup.end())))) {
                return true;
            }
        }
        return false;
    }

    /** Why the sentence (citation markers removed) states what the snippets it cites do not; empty when they do. */
    Optional<Rejection> check(String sentence, List<Evidence> cited) {
        List<Snippet> snippets = snippets(cited);
        if (bringsNameOrNumber(sentence, source(snippets))) {
            return Optional.of(Rejection.NEW_NAME_OR_NUMBER);
        }
        Set<String> content = content(terms.terms(sentence));
        if (!supported(content, snippets)) {
            return Optional.of(Rejection.UNSUPPORTED);
        }
        if (polarity.flipped(sentence, content, snippets)) {
            return Optional.of(Rejection.FLIPPED_POLARITY);
        }
        return Optional.empty();
    }

    private static List<Snippet> snippets(List<Evidence> cited) {
        return cited.stream().map(evidence -> evidence.candidate().snippet()).toList();
    }

    /** The snippets' titles and texts, lower case, for finding words in. */
    private static String source(List<Snippet> snippets) {
        return lower(String.join("\n", snippets.stream().map(Snippet::indexedText).toList()));
    }

    /** The whitespace-delimited word around {@code start..end}, without the punctuation that ends a sentence. */
    private static String word(String text, int start, int end) {
        int from = start;
        while (from > 0 && !Character.isWhitespace(text.charAt(from - 1))) {
            from--;
        }
        int to = end;
        while (to < text.length() && !Character.isWhitespace(text.charAt(to))) {
            to++;
        }
        String word = TRAILING_PUNCTUATION.matcher(text.substring(from, to)).replaceAll("");
        return word.isEmpty() ? text.substring(start, end) : word;
    }

    private static boolean bringsNameOrNumber(String sentence, String source) {
        Matcher numbers = NUMBER.matcher(sentence);
        while (numbers.find()) {
            if (!Pattern.compile("(?<![\\d.,])" + Pattern.quote(numbers.group()) + "(?!\\d)").matcher(source).find()) {
                return true;
            }
        }
        // Each word of a name on its own: "01.AI's Yi-34B" joins two names the snippet writes apart.
        return Names.in(sentence).stream()
                .flatMap(name -> Arrays.stream(name.split(" ")))
                .map(word -> POSSESSIVE.matcher(lower(word)).replaceAll(""))
                .anyMatch(word -> !wholeWord(word).matcher(source).find());
    }

    private boolean supported(Set<String> content, List<Snippet> snippets) {
        if (content.isEmpty()) {
            return true;
        }
        Set<String> known = new HashSet<>();
        snippets.forEach(snippet -> known.addAll(terms.of(snippet).terms()));
        long found = content.stream().filter(known::contains).count();
        return found >= minSupportedShare * content.size();
    }

    /** The stemmed words that say something: stop words are gone already, everyday words go too. */
    private static Set<String> content(Set<String> stems) {
        return stems.stream().filter(stem -> !TextAnalyzer.isGeneric(stem)).collect(Collectors.toSet());
    }

    /** The word, not as part of a longer one: "ai" is not found in "said". */
    private static Pattern wholeWord(String word) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])");
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
