package io.github.groundedbot.retrieval;

import io.github.groundedbot.knowledge.Snippet;
import io.github.groundedbot.language.TextAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** BM25 over a few snippets; no Quarkus, no model. */
class LexicalIndexTest {

    private static final TextAnalyzer ANALYZER = new TextAnalyzer();
    private static final LexicalIndex INDEX = new LexicalIndex(ANALYZER, List.of(
            snippet("owls", "Barn owls", "Barn owls hunt voles at night over open fields."),
            snippet("bikes", "Bicycle gears", "A bicycle's gears let the rider keep a steady cadence on hills."),
            snippet("firms", "Bicycle firms", "Several firms build bicycle frames from steel, aluminium or carbon."),
            snippet("night", "Night riding", "Riding a bicycle at night needs lights in front and behind.")));

    @ParameterizedTest
    @ValueSource(strings = {"What do barn owls hunt?", "Which company builds bicycle frames?",
            "bicycle bicycle bicycle at night", "How do gears help on hills?"})
    void aQuestionsAnalysedTermsFindWhatItsTextFinds(String question) {
        List<LexicalIndex.Hit> byText = INDEX.search(question, 10);

        assertThat(byText).isNotEmpty();
        assertThat(INDEX.search(ANALYZER.terms(question), 10)).isEqualTo(byText);
    }

    @Test
    void aWordNoSnippetUsesMatchesNothingAndChangesNoScore() {
        assertThat(INDEX.docFreq("zyzzyva")).isZero();
        assertThat(INDEX.search("zyzzyva", 10)).isEmpty();
        assertThat(INDEX.search("zyzzyva bicycle at night", 10)).isEqualTo(INDEX.search("bicycle at night", 10));
    }

    @Test
    void documentFrequenciesCountTheSnippetsHoldingATerm() {
        assertThat(INDEX.docFreq(ANALYZER.terms("bicycle").get(0))).isEqualTo(3);
        assertThat(INDEX.docFreq(ANALYZER.terms("owls").get(0))).isEqualTo(1);
    }

    @Test
    void theBestHitIsTheSnippetAboutTheQuestion() {
        assertThat(INDEX.search("barn owls voles", 10).get(0).id()).isEqualTo("f#owls");
        assertThat(INDEX.search("lights for riding at night", 10).get(0).id()).isEqualTo("f#night");
    }

    private static Snippet snippet(String id, String title, String text) {
        return new Snippet("f#" + id, title, text, new Snippet.Source("s", null, null), "topic",
                new Snippet.Location("f.md", 1));
    }
}
