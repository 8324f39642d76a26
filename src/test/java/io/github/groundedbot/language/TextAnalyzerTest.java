package io.github.groundedbot.language;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TextAnalyzerTest {

    private final TextAnalyzer analyzer = new TextAnalyzer();

    @Test
    void questionWordsAndStopWordsAreNoTerms() {
        assertThat(analyzer.terms("What can you tell me about the memory chips?")).containsExactly("memori", "chip");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"come|true", "happen|true", "huawei|false", "memori|false"})
    void everydayWordsAreGeneric(String stem, boolean generic) {
        assertThat(TextAnalyzer.isGeneric(stem)).isEqualTo(generic);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Which firms sell chips?|Chinese companies sell chips.",
            "What licence is it under?|It is under the BSD license.",
            "Where are the pictures?|The images are in the archive.",
            "How big is the station?|The station is large.",
            "One cert for several domains?|One certificate can hold several domains."})
    void aQuestionWithSynonymsOfTheFactsWordsHasOnlyTermsTheFactHas(String question, String fact) {
        assertThat(analyzer.termSet(fact)).containsAll(analyzer.termSet(question));
    }

    @Test
    void aWordWithoutSynonymsIsOneTerm() {
        assertThat(analyzer.terms("the memory chips")).containsExactly("memori", "chip");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Who won the race?|Garin wins the race.|true",
            "Who paid for it?|A trust pays for it.|true",
            "Where can I find the rules?|The rules can be found online.|true",
            "Who founded it?|The rules can be found online.|false",
            "Who created Homebrew?|Homebrew's creator is Max.|true",
            "Who founded it?|Its founders met in 2001.|true",
            "Who won the race?|The winner of the race was Garin.|true",
            "Who created Homebrew?|Homebrew's director is Max.|false"})
    void pastFormsOfIrregularVerbsAndNounsForTheDoerAreTheirVerb(String question, String fact, boolean matches) {
        assertThat(analyzer.termSet(fact).containsAll(analyzer.termSet(question))).isEqualTo(matches);
    }
}
