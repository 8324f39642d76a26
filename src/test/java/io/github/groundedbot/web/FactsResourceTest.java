package io.github.groundedbot.web;

import io.github.groundedbot.knowledge.FactBase;
import io.github.groundedbot.knowledge.Snippet;
import io.github.groundedbot.retrieval.IndexHolder;
import io.github.groundedbot.retrieval.KnowledgeIndex;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FactsResourceTest {

    @Test
    void suggestionsTakeOneSnippetPerTopicSpreadOverTheFactBase() {
        FactsResource facts = over(
                snippet("Alpha", "Alpha one"), snippet("Alpha", "Alpha two"), snippet("Alpha", "Alpha three"),
                snippet("Beta", "Beta one"), snippet("Beta", "Beta two"),
                snippet("Gamma", "Gamma one"),
                snippet("Delta", "Delta one"), snippet("Delta", "Delta two"),
                snippet("Epsilon", "Epsilon one"));

        assertThat(facts.suggestions(3))
                .containsExactly("Tell me about Alpha one", "Tell me about Beta one", "Tell me about Delta one");
        assertThat(facts.suggestions(5)).containsExactly("Tell me about Alpha one", "Tell me about Beta one",
                "Tell me about Gamma one", "Tell me about Delta one", "Tell me about Epsilon one");
    }

    @Test
    void withFewerTopicsThanWantedSuggestionsSpreadOverAllSnippets() {
        FactsResource facts = over(
                snippet("Alpha", "Alpha one"), snippet("Alpha", "Alpha two"), snippet("Alpha", "Alpha three"),
                snippet("Beta", "Beta one"), snippet("Beta", "Beta two"), snippet("Beta", "Beta three"));

        assertThat(facts.suggestions(4)).containsExactly("Tell me about Alpha one", "Tell me about Alpha two",
                "Tell me about Beta one", "Tell me about Beta two");
    }

    @Test
    void theCountIsCappedByTheFactBaseAndByTen() {
        List<Snippet> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add(snippet("Topic " + i, "Title " + i));
        }
        assertThat(over(many.toArray(Snippet[]::new)).suggestions(50)).hasSize(10);
        assertThat(over(snippet("Alpha", "Alpha one")).suggestions(4)).containsExactly("Tell me about Alpha one");
        assertThat(over(snippet("Alpha", "Alpha one")).suggestions(-1)).isEmpty();
    }

    @Test
    void aLeadingArticleIsLoweredButNamesKeepTheirCase() {
        FactsResource facts = over(snippet("Space", "The Moon landing"), snippet("Labs", "OpenAI"),
                snippet("Models", "Yi-34B"));

        assertThat(facts.suggestions(3)).containsExactly("Tell me about the Moon landing", "Tell me about OpenAI",
                "Tell me about Yi-34B");
    }

    private static FactsResource over(Snippet... snippets) {
        IndexHolder index = new IndexHolder();
        index.swap(new KnowledgeIndex(new FactBase(List.of(snippets)), null, null, Instant.EPOCH));
        return new FactsResource(index);
    }

    private static Snippet snippet(String topic, String title) {
        String file = topic.toLowerCase() + ".md";
        return new Snippet(file + "#" + title.toLowerCase().replace(' ', '-'), title, title + " is a fact.",
                new Snippet.Source(topic, "https://example.org/" + file, LocalDate.of(2024, 1, 1)), topic,
                new Snippet.Location(file, 1));
    }
}
