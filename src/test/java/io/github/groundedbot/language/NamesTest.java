package io.github.groundedbot.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "What did Charcoal Typhoon do?|Charcoal Typhoon",
            "What is Yi-34B from 01.AI?|Yi-34B,01.AI",
            "Why did the US restrict chips?|US",
            "Who is the CEO of OpenAI?|CEO,OpenAI",
            "Redis runs on Linux.|Linux",
            "It is run by mySociety and sold on eBay.|mySociety,eBay",
            "Are China-affiliated groups named?|",
            "I think OK is fine.|"})
    void namesByTheirShape(String text, String expected) {
        List<String> names = expected == null ? List.of() : Arrays.asList(expected.split(","));
        assertThat(Names.in(text)).containsExactlyElementsOf(names);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Barn Owls eat voles, says the RSPB.|Barn Owls,RSPB",
            "The Giro started in Milan.|Giro,Milan"})
    void capitalisedCountsTheFirstWordUnlessAStopWord(String text, String expected) {
        assertThat(Names.capitalised(text)).containsExactlyElementsOf(Arrays.asList(expected.split(",")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Can I send an FOI to the BBC?|foi,bbc", "Who runs Let's Encrypt?|",
            "Do CDs from Sony count?|cds"})
    void acronymsAreTheNamesInCapitals(String text, String expected) {
        assertThat(Names.acronyms(text)).containsExactlyInAnyOrderElementsOf(
                expected == null ? List.of() : List.of(expected.split(",")));
    }
}
