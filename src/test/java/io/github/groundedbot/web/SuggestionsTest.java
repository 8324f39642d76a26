package io.github.groundedbot.web;

import io.github.groundedbot.knowledge.Snippet;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SuggestionsTest {

    @Test
    void oneSnippetPerTopicSpreadOverTheFactBase() {
        List<Snippet> snippets = List.of(
                snippet("Alpha", "Alpha one"), snippet("Alpha", "Alpha two"), snippet("Alpha", "Alpha three"),
                snippet("Beta", "Beta one"), snippet("Beta", "Beta two"),
                snippet("Gamma", "Gamma one"),
                snippet("Delta", "Delta one"), snippet("Delta", "Delta two"),
                snippet("Epsilon", "Epsilon one"));

        assertThat(Suggestions.from(snippets, 3))
                .containsExactly("Tell me about Alpha one", "Tell me about Beta one", "Tell me about Delta one");
        assertThat(Suggestions.from(snippets, 5)).containsExactly("Tell me about Alpha one",
                "Tell me about Beta one", "Tell me about Gamma one", "Tell me about Delta one",
                "Tell me about Epsilon one");
    }

    @Test
    void withFewerTopicsThanWantedTheyAreSpreadOverAllSnippets() {
        List<Snippet> snippets = List.of(
                snippet("Alpha", "Alpha one"), snippet("Alpha", "Alpha two"), snippet("Alpha", "Alpha three"),
                snippet("Beta", "Beta one"), snippet("Beta", "Beta two"), snippet("Beta", "Beta three"));

        assertThat(Suggestions.from(snippets, 4)).containsExactly("Tell me about Alpha one",
                "Tell me about Alpha two", "Tell me about Beta one", "Tell me about Beta two");
    }

    @Test
    void theCountIsCappedByTheFactBaseAndByTheMaximum() {
        List<Snippet> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add(snippet("Topic " + i, "Title " + i));
        }
        List<Snippet> one = List.of(snippet("Alpha", "Alpha one"));

        assertThat(Suggestions.from(many, 50)).hasSize(Suggestions.MAX);
        assertThat(Suggestions.from(one, 4)).containsExactly("Tell me about Alpha one");
        assertThat(Suggestions.from(one, -1)).isEmpty();
    }

    @Test
    void aLeadingArticleIsLoweredButNamesKeepTheirCase() {
        List<Snippet> snippets = List.of(snippet("Space", "The Moon landing"), snippet("Labs", "OpenAI"),
                snippet("Models", "Yi-34B"));

        assertThat(Suggestions.from(snippets, 3)).containsExactly("Tell me about the Moon landing",
                "Tell me about OpenAI", "Tell me about Yi-34B");
    }

    private static Snippet snippet(String topic, String title) {
        String file = topic.toLowerCase() + ".md";
        return new Snippet(file + "#" + title.toLowerCase().replace(' ', '-'), title, title + " is a fact.",
                new Snippet.Source(topic, "https://example.org/" + file, LocalDate.of(2024, 1, 1)), topic,
                new Snippet.Location(file, 1));
    }
}
