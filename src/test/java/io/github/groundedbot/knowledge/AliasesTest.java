package io.github.groundedbot.knowledge;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AliasesTest {

    private static final List<Snippet> FACTS = List.of(
            snippet("The International Space Station orbits the Earth every 90 minutes."),
            snippet("The National Earthquake Information Center locates about 20,000 earthquakes a year."),
            snippet("The European Space Agency and the Environmental Science Association both use ESA."),
            snippet("Brussels hosts the European Commission, and the EC proposes laws."));

    private static final Aliases ALIASES = Aliases.of(Map.of("iPhone maker", "Apple", "Brussels", "the EU"), FACTS);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "When was the ISS built?|When was the International Space Station built?",
            "Where is the NEIC?|Where is the National Earthquake Information Center?",
            "what did the iphone maker say?|what did the Apple say?",
            "What does Brussels want?|What does the EU want?",
            // Acronyms match only as written in capitals, and only ones the facts never use themselves.
            "Is the iss big?|Is the iss big?",
            "What does the EC do?|What does the EC do?",
            // An acronym two names share is left alone.
            "What is ESA?|What is ESA?",
            "What is an ISSUE?|What is an ISSUE?"})
    void aliasesAreReplacedByTheNameTheFactsUse(String question, String read) {
        assertThat(ALIASES.apply(question)).isEqualTo(read);
    }

    private static Snippet snippet(String text) {
        return new Snippet("f#" + text.hashCode(), "Title", text, new Snippet.Source("s", null, null), "topic",
                new Snippet.Location("f.md", 1));
    }
}
