package io.github.groundedbot.llm;

import io.github.groundedbot.grounding.SnippetTerms;
import io.github.groundedbot.knowledge.Snippet;
import io.github.groundedbot.language.TextAnalyzer;
import io.github.groundedbot.language.WordList;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a reworded sentence says the opposite of the snippet sentences it draws on. A negation
 * ({@code negation-cues.txt}: not, no, never, n't, without, ...) is compared by what it negates,
 * its scope: the first few content words after it in the same clause.
 * <ul>
 *   <li>Each negation in the reworded sentence must negate something a drawn-on sentence negates
 *       too (their scopes share a word): "Huawei did not release" where the fact says "released"
 *       is a negation added.</li>
 *   <li>Each negation in a drawn-on sentence whose first negated word the reworded sentence uses
 *       must be kept: "Nvidia can sell" where the fact says "cannot sell" is a negation removed.</li>
 * </ul>
 * The drawn-on sentences are found greedily: the snippet sentence (or title) sharing most of the
 * reworded sentence's content words, then the one sharing most of the words still unaccounted
 * for, and so on; ties go to the earlier one. Thread-safe.
 */
final class Polarity {

    /** How many content words after a negation it is taken to negate. */
    private static final int SCOPE_WORDS = 3;
    private static final Pattern NEGATION = WordList.load("negation-cues").wholeWords();
    private static final Pattern CLAUSE_END = Pattern.compile("[,.;:!?()]");
    /** "No, ..." or "Yes." opening a reply answers the question; the claim is what follows. */
    private static final Pattern ANSWER_WORD = Pattern.compile("^(yes|no)\\s*[,.;:!]\\s*", Pattern.CASE_INSENSITIVE);

    private final SnippetTerms snippetTerms;
    private final TextAnalyzer analyzer;

    Polarity(SnippetTerms snippetTerms, TextAnalyzer analyzer) {
        this.snippetTerms = snippetTerms;
        this.analyzer = analyzer;
    }

    /**
     * @param sentence the reworded sentence, without citation markers
     * @param content  its content words (stemmed), by which drawn-on sentences are found
     * @param cited    the snippets it cites
     */
    boolean flipped(String sentence, Set<String> content, List<Snippet> cited) {
        String claim = ANSWER_WORD.matcher(sentence).replaceFirst("");
        List<List<String>> negated = scopes(claim);
        List<List<String>> source = new ArrayList<>();
        drawnOn(content, cited).forEach(drawn -> source.addAll(scopes(drawn)));
        Set<String> words = analyzer.termSet(claim);
        boolean added = negated.stream().anyMatch(scope -> source.stream().noneMatch(s -> shares(scope, s)));
        boolean removed = source.stream()
                .filter(scope -> !scope.isEmpty() && words.contains(scope.get(0)))
                .anyMatch(scope -> negated.stream().noneMatch(n -> shares(scope, n)));
        return added || removed;
    }

    /** The scope of each negation in the text, in order. */
    private List<List<String>> scopes(String text) {
        List<List<String>> scopes = new ArrayList<>();
        Matcher cue = NEGATION.matcher(text);
        while (cue.find()) {
            Matcher end = CLAUSE_END.matcher(text);
            int clauseEnd = end.find(cue.end()) ? end.start() : text.length();
            scopes.add(analyzer.terms(text.substring(cue.end(), clauseEnd)).stream().limit(SCOPE_WORDS).toList());
        }
        return scopes;
    }

    /** An empty scope ("... there were none.") negates nothing in particular: it matches any negation. */
    private static boolean shares(List<String> a, List<String> b) {
        return a.isEmpty() || b.isEmpty() || a.stream().anyMatch(b::contains);
    }

    private List<String> drawnOn(Set<String> content, List<Snippet> snippets) {
        List<String> units = new ArrayList<>();
        List<Set<String>> unitTerms = new ArrayList<>();
        for (Snippet snippet : snippets) {
            SnippetTerms.Analysis analysis = snippetTerms.of(snippet);
            units.add(snippet.title());
            unitTerms.add(analyzer.termSet(snippet.title()));
            units.addAll(analysis.sentences());
            unitTerms.addAll(analysis.sentenceTerms());
        }
        Set<String> open = new HashSet<>(content);
        List<String> drawn = new ArrayList<>();
        while (!open.isEmpty()) {
            int best = -1;
            long most = 0;
            for (int i = 0; i < units.size(); i++) {
                long shared = unitTerms.get(i).stream().filter(open::contains).count();
                if (shared > most) {
                    most = shared;
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            drawn.add(units.get(best));
            open.removeAll(unitTerms.get(best));
        }
        return drawn;
    }
}
