package io.github.groundedbot.language;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SentencesTest {

    @Test
    void splitsSentencesButNotAfterInitialsOrAbbreviations() {
        assertThat(Sentences.split("Susan B. Anthony rode a bicycle. Dr. Smith did too, e.g. on Sundays. It rained."))
                .containsExactly("Susan B. Anthony rode a bicycle.", "Dr. Smith did too, e.g. on Sundays.", "It rained.");
    }

    @Test
    void paragraphsAlwaysEndASentence() {
        assertThat(Sentences.split("First line without stop\n\nSecond paragraph."))
                .containsExactly("First line without stop", "Second paragraph.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"This made prices rise.|true", "They left in 2020.|true",
            "The company grew.|true", "Huawei grew.|false", "Thistles grow.|false",
            "Websites use these certificates.|true", "Huawei makes chips such as these.|true", "Theseus sailed.|false"})
    void aSentenceOpeningWithAPronounOrPointingBackLeansOnThePreviousOne(String sentence, boolean leans) {
        assertThat(Sentences.leansOnPrevious(sentence)).isEqualTo(leans);
    }
}
